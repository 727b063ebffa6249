#!/usr/bin/env bash
# Registers 100,000 devices through device-registry-service's bulk API (10 requests of 10,000) against the real
# service, a real PostgreSQL and a real Kafka broker (started by test-support), and prints the throughput.
# Usage: benchmarks/registry-bulk-benchmark.sh [-Dbench.requests=10 -Dbench.rows=10000] [-o]
# The report is also written to device-registry-service/target/registry-bulk-benchmark.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -f device-registry-service/pom.xml test \
  -Dtest=RegistryBulkBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgroups=benchmark -Dregistry.excludedGroups=none "$@"
cat device-registry-service/target/registry-bulk-benchmark.txt
