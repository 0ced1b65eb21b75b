#!/bin/sh
# Benchmark of the release pipeline: a public-use package, every format, of a generated study.
# Usage: release/bench/run.sh [CASES] [SITES] [DIR] [K]      (defaults: 1000000 50 /tmp/tfeval-release-bench 11)
#        release/bench/run.sh 200 3 DIR                       (smoke: checks that it runs; .ci/run uses it)
# The study is generated and snapshotted once (kept in DIR); each run then times the release
# in a fresh JVM and prints wall time, peak resident memory (Java heap and DuckDB) and the share of
# suppressed values. Not a test: nothing here runs in ./mvnw verify.
set -eu
CASES=${1:-1000000}
SITES=${2:-50}
DIR=${3:-/tmp/tfeval-release-bench}
K=${4:-11}
HEAP=${TFEVAL_BENCH_HEAP:-1g}
cd "$(dirname "$0")/../.."
# one reactor build: upstream modules from their target/classes, nothing installed (works from a fresh clone)
"${MVN:-./mvnw}" -q -B -ntp -pl release -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP="release/target/test-classes:release/target/classes:$(cat release/target/bench-classpath.txt)"
java -Xmx2g -cp "$CP" org.tfeval.release.bench.ReleaseBenchmark prepare "$DIR/$CASES" "$CASES" "$SITES"
java -Xmx"$HEAP" -cp "$CP" org.tfeval.release.bench.ReleaseBenchmark release "$DIR/$CASES" "$K"
