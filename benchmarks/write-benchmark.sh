#!/usr/bin/env bash
# Benchmark (issue 16): POST /tickets with Idempotency-Key, 16 clients, 30 s, beside pgbench -N (same PostgreSQL, same run).
# Prints one table (machine, JVM flags, load average, date); options as in benchmarks/run-bench.sh, e.g. --jvm "...".
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" write "$@"
