#!/usr/bin/env bash
# Benchmark (issue 16): 100,000 devices through POST /devices/bulk, beside COPY of the same rows into the same tables.
# Prints one table (machine, JVM flags, load average, date); options as in benchmarks/run-bench.sh, e.g. --jvm "...".
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" bulk "$@"
