#!/usr/bin/env bash
# Loads 100,000 contracts with 1,000,000 covered devices into billing-service's schema (batched SQL into its tables,
# on a real PostgreSQL started by test-support) and invoices one month through the real run code, then prints a table:
# wall time, invoices/s, the JVM's peak heap, machine, JVM flags, date. Not part of the test run.
# Usage: benchmarks/billing-run-benchmark.sh [-Dbench.contracts=100000 -Dbench.devices-per-contract=10] [-o]
# JVM flags: BENCH_JVM_FLAGS (default "-Xmx1g -XX:+UseParallelGC"; the tests' flags limit the JIT to C1).
# The report is also written to billing-service/target/billing-run-benchmark.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl billing-service -am verify \
  -Dtest=BillingRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgroups=benchmark -Dbilling.excludedGroups=none \
  "-Dtest.jvm.flags=${BENCH_JVM_FLAGS:--Xmx1g -XX:+UseParallelGC}" "$@"
cat billing-service/target/billing-run-benchmark.txt
