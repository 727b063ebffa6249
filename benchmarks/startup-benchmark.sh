#!/usr/bin/env bash
# Benchmark (issue 16): each service started alone: time to ready, resident memory idle and after load.
# Prints one table (machine, JVM flags, load average, date); options as in benchmarks/run-bench.sh, e.g. --jvm "...".
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" startup "$@"
