#!/bin/sh
# Keying benchmark of the coding form (issue 15): a scripted coder in headless Chromium keys a
# typical paper case (one victim, one suspect, two offenses: web/src/test/resources/org/tfeval/web/keying)
# with the keyboard into a server on an embedded PostgreSQL; prints keystrokes, pointer actions and
# seconds per case against the recorded baseline of the layout before issue 15
# (web/bench/keying-baseline.properties), and writes them to web/target/keying-result.txt.
#
#   web/bench/run-keying.sh [--runs 3]
#   web/bench/run-keying.sh --record-baseline     (writes the baseline; done once on the old layout)
set -eu
cd "$(dirname "$0")/../.."
cpfile="web/target/keying-classpath.txt"
${MVN:-./mvnw} -q -B -ntp -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/keying-classpath.txt
exec java -cp "web/target/test-classes:web/target/classes:$(cat "$cpfile")" org.tfeval.web.keying.KeyingBenchmark "$@"
