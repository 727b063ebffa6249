#!/usr/bin/env bash
# Shared launcher of the suite's benchmarks (issue 16): builds the packaged services a benchmark needs and devstack
# (package only, tests skipped), then runs devstack's benchmark driver (com.poly.daas.devstack.bench.Bench), which
# starts PostgreSQL and Kafka (devstack), the services from target/quarkus-app/quarkus-run.jar with the JVM flags
# given by --jvm (default: the production flags), and prints one Markdown table. Not a test; never run by ./daas test.
#   benchmarks/run-bench.sh write|read|events|bulk|startup [--jvm "flags"] [...]
# Set BENCH_SKIP_BUILD=1 to reuse jars already built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench="$1"; shift
case "$bench" in
  write|read) modules="devstack,ticket-service" ;;
  bulk) modules="devstack,device-registry-service" ;;
  events) modules="devstack,contract-service,device-registry-service,rma-service" ;;
  startup) modules="devstack,device-registry-service,contract-service,ticket-service,rma-service,billing-service" ;;
  *) echo "unknown benchmark $bench (write|read|events|bulk|startup)" >&2; exit 2 ;;
esac
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "[bench] building $modules (package, tests skipped)" >&2
  mvn -B -ntp -q package -DskipTests -pl "$modules" -am ${MAVEN_ARGS:-}
fi
exec java -Xmx1g -Ddaas.root="$root" -cp "$root/devstack/target/classes:$root/devstack/target/kafka-lib/*" \
  com.poly.daas.devstack.bench.Bench "$bench" "$@"
