#!/usr/bin/env bash
# Runs every realistic-policy JMH benchmark in one JMH invocation, with the GC profiler (B/op),
# and writes the results as JSON (for scripts/results_table.py).
#
# Usage (from anywhere; build the jar first):
#   ./mvnw -Pbench -pl backon-benchmarks -am package -DskipTests
#   backon-benchmarks/scripts/run-realistic.sh [extra JMH args...]
#
# Environment:
#   JAVA_HOME  the JDK to run on; `java` on the PATH when unset
#   QUICK=1    quick mode: JMH_QUICK_ARGS instead of the annotations' full run length
#   JMH_QUICK_ARGS  the quick-mode run length (default "-f 1 -wi 2 -i 3 -w 1s -r 1s")
#   RESULTS    the JSON file to write (default backon-benchmarks/target/realistic-jdk<N>.json)
#
# Examples:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 backon-benchmarks/scripts/run-realistic.sh
#   QUICK=1 backon-benchmarks/scripts/run-realistic.sh -t 1
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$module_dir/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "No $jar; build it first: ./mvnw -Pbench -pl backon-benchmarks -am package -DskipTests" >&2
  exit 1
fi

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
else
  java="java"
fi

feature="$("$java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = //p')"
results="${RESULTS:-$module_dir/target/realistic-jdk${feature}.json}"

run_length=()
if [[ "${QUICK:-0}" == "1" ]]; then
  read -r -a run_length <<< "${JMH_QUICK_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
fi

benchmarks=(
  '\.RealisticPolicyBenchmark\.'
  '\.RetryBreakerBudgetBenchmark\.'
  '\.FailureThenSuccessRealisticBenchmark\.'
  '\.HedgingRealisticBenchmark\.'
)

echo "JDK $feature ($java), results in $results" >&2
"$java" -jar "$jar" "${benchmarks[@]}" -prof gc ${run_length[@]+"${run_length[@]}"} \
  -rf json -rff "$results" "$@"
