#!/usr/bin/env bash
# Runs BootActuatorBenchmark (issue 13: @Backon, Resilience4j's @Retry and Spring 7's @Retryable in a
# Spring Boot application with Actuator, without and with OpenTelemetry tracing) with the GC profiler
# (B/op), on each JDK asked for, and writes per JDK the JMH JSON and its Markdown tables
# (scripts/results_table.py). The jar is copied to a temporary directory first, so a build running
# meanwhile cannot change it under JMH.
#
# Usage (from anywhere; build the jar first):
#   ./mvnw -Pbench -pl backon-benchmarks -am package -DskipTests
#   backon-benchmarks/scripts/run-boot-actuator.sh [extra JMH args...]
#
# Environment:
#   JDKS       space-separated JAVA_HOMEs to run on, one after the other (default: JAVA_HOME, or
#              `java` on the PATH when unset)
#   QUICK=1    quick mode: JMH_QUICK_ARGS instead of the annotations' full run length
#   JMH_QUICK_ARGS  the quick-mode run length (default "-f 1 -wi 2 -i 3 -w 1s -r 1s")
#   OUT        the directory for boot-actuator-jdk<N>.json and .md (default backon-benchmarks/target)
#
# Example, the run in RESULTS.md (quick mode, JDK 17 then Temurin 25):
#   QUICK=1 JDKS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" \
#     backon-benchmarks/scripts/run-boot-actuator.sh
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$module_dir/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "No $jar; build it first: ./mvnw -Pbench -pl backon-benchmarks -am package -DskipTests" >&2
  exit 1
fi
out="${OUT:-$module_dir/target}"
mkdir -p "$out"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/benchmarks.jar"

run_length=()
if [[ "${QUICK:-0}" == "1" ]]; then
  read -r -a run_length <<< "${JMH_QUICK_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
fi

read -r -a jdks <<< "${JDKS:-${JAVA_HOME:-}}"
if [[ ${#jdks[@]} -eq 0 ]]; then
  jdks=("")
fi

for jdk in "${jdks[@]}"; do
  java="${jdk:+$jdk/bin/}java"
  feature="$("$java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p')"
  results="$out/boot-actuator-jdk${feature}.json"
  echo "JDK $feature ($java), results in $results" >&2
  (cd "$work" && "$java" -jar benchmarks.jar '\.BootActuatorBenchmark\.' -prof gc \
    ${run_length[@]+"${run_length[@]}"} -rf json -rff "$results" "$@")
  python3 "$module_dir/scripts/results_table.py" "$results" > "${results%.json}.md"
  echo "Tables in ${results%.json}.md" >&2
done
