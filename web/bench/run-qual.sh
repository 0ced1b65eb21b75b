#!/bin/sh
# Figures of the qualitative coding screen (issue 11 items 4 and 10, issue 16's reviewer time) by a scripted
# headless Chromium on an embedded PostgreSQL: p50/p99 of opening the coding view of a generated
# 30,000-word transcript and of applying a code, each against a baseline without the browser, and the
# reviewer time per transcript on /deid for a demo transcript against the plain GET of the page.
# Writes web/target/qual-bench-result.txt.
#
#   web/bench/run-qual.sh [--words 30000] [--codings 300] [--opens 20] [--applies 100]
set -eu
cd "$(dirname "$0")/../.."
cpfile="web/target/qual-classpath.txt"
${MVN:-./mvnw} -q -B -ntp -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/qual-classpath.txt
exec java -cp "web/target/test-classes:web/target/classes:$(cat "$cpfile")" org.tfeval.web.QualBenchmark "$@"
