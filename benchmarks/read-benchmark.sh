#!/usr/bin/env bash
# Benchmark (issue 16): a partner's GET /tickets?limit=50, 16 clients, 30 s, beside pgbench running the same SELECT.
# Prints one table (machine, JVM flags, load average, date); options as in benchmarks/run-bench.sh, e.g. --jvm "...".
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" read "$@"
