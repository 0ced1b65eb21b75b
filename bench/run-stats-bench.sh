#!/usr/bin/env bash
# Runs the statistics-engine benchmarks on synthetic data generated with a fixed seed:
#   logistic GLM, 1,000,000 rows x 20 predictors            (target <= 1.0 s; R glm ~ 5.7 s)
#   random-intercept logistic GLMM (Laplace), 100,000 x 20, 50 groups (target <= 2 s; lme4 ~ 148 s)
# Usage: bench/run-stats-bench.sh [quick | JMH options...]
#   quick      plain wall-clock timings (StatsTimings), no JMH
#   otherwise  JMH (single-shot, 3 warm-up + 5 measured fits per benchmark); results also in
#              bench/target/stats-jmh.json. Extra arguments go to JMH (e.g. -i 10).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-./mvnw}
"$MVN" -q -pl stats install -DskipTests
"$MVN" -q -pl bench compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
if [[ "${1:-}" == "quick" ]]; then
  exec java -Xmx6g -cp "$CP" org.tfeval.bench.stats.StatsTimings 5
fi
exec java -cp "$CP" org.openjdk.jmh.Main 'org\.tfeval\.bench\.stats\..*' -rf json -rff bench/target/stats-jmh.json "$@"
