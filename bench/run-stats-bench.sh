#!/usr/bin/env bash
# Runs the statistics-engine benchmarks on synthetic data generated with a fixed seed:
#   logistic GLM, 1,000,000 rows x 20 predictors            (target <= 1.0 s; R glm ~ 5.7 s)
#   random-intercept logistic GLMM (Laplace), 100,000 x 20, 50 groups (target <= 2 s; lme4 ~ 148 s)
# Usage: bench/run-stats-bench.sh [quick | smoke | JMH options...]
#   quick      plain wall-clock timings (StatsTimings), no JMH
#   smoke      JMH, one measured fit per benchmark and no warm-up: checks that the harness runs (seconds,
#              not a measurement; .ci/run uses it)
#   otherwise  JMH (single-shot, 3 warm-up + 5 measured fits per benchmark); results also in
#              bench/target/stats-jmh.json. Extra arguments go to JMH (e.g. -i 10).
# Works from a fresh clone: one reactor build of bench and the modules it uses, nothing installed.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-./mvnw}
"$MVN" -q -B -ntp -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
case "${1:-}" in
  quick) exec java -Xmx6g -cp "$CP" org.tfeval.bench.stats.StatsTimings 5 ;;
  smoke) shift; exec java -cp "$CP" org.openjdk.jmh.Main 'org\.tfeval\.bench\.stats\..*' -wi 0 -i 1 \
           -rf json -rff bench/target/stats-jmh-smoke.json "$@" ;;
esac
exec java -cp "$CP" org.openjdk.jmh.Main 'org\.tfeval\.bench\.stats\..*' -rf json -rff bench/target/stats-jmh.json "$@"
