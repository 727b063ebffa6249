#!/usr/bin/env bash
# Benchmark (issue 16): ReplacementShipped committed in rma-service -> applied in contract-service and the registry (10,000 events at 200/s after
# 20 s of warm-up at the same rate: --events, --rate, --warmup), beside Kafka's own latency.
# Prints one table (machine, JVM flags, load average, date); options as in benchmarks/run-bench.sh, e.g. --jvm "...".
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" events "$@"
