#!/bin/sh
# Figures of issue 12 for a generated study: a public release at the default thresholds, its
# generalization (chosen and runner-up, Loss / non-uniform entropy / discernibility), the share of values
# suppressed and cases removed, the largest risk per attacker and the attacks' results.
# Usage: release/bench/figures.sh [CASES] [SITES] [DIR]     (defaults: 20000 40 /tmp/tfeval-figures)
# Not a test: nothing here runs in ./mvnw verify.
set -eu
CASES=${1:-20000}
SITES=${2:-40}
DIR=${3:-/tmp/tfeval-figures}
cd "$(dirname "$0")/../.."
${MVN:-./mvnw} -q -B -ntp -pl release -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt -Dspotless.check.skip=true
CP="release/target/test-classes:release/target/classes:$(cat release/target/bench-classpath.txt)"
java -Xmx2g -cp "$CP" org.tfeval.release.bench.ReleaseBenchmark prepare "$DIR/$CASES" "$CASES" "$SITES"
SNAPSHOT=$(ls -d "$DIR/$CASES"/snapshots/*/ | head -1)
java -Xmx2g -cp "$CP" org.tfeval.release.pipeline.ReleaseFigures "$SNAPSHOT" "$DIR/$CASES/figures"
