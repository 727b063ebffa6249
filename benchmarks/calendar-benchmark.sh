#!/usr/bin/env bash
# JMH micro-benchmarks of business-calendar (addBusinessDays(..., 10), businessHoursBetween, addBusinessHours).
# Builds the module's test classes (where the benchmarks live), then runs them and prints ops/s for each.
# Not a test: figures depend on the machine. Extra arguments go to JMH, e.g. `-wi 1 -i 1` for a quicker run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/business-calendar"
classpath_file="$module/target/benchmark.classpath"

mvn -B -q -f "$module/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
    com.poly.daas.calendar.benchmark.CalendarBenchmarkMain "$@"
