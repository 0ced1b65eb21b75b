#!/bin/sh
# Load benchmark of the web application: simulated coders saving forms on loopback against a
# server in its own JVM on a durable embedded PostgreSQL; prints save latency percentiles,
# errors, lost saves (counted in the database afterwards) and the server's memory, and writes
# them to web/target/load-result.txt. Exit status 1 when a save failed or was lost.
#
#   web/bench/run-load.sh [--coders 50] [--seconds 60] [--think-ms 1000] [--server-heap 512m]
#   web/bench/run-load.sh --coders 2 --seconds 3      (smoke: checks that it runs; .ci/run uses it)
#
# --think-ms is the mean pause between one coder's saves (uniform from 0 to twice the mean).
set -eu
cd "$(dirname "$0")/../.."
cpfile="web/target/load-classpath.txt"
# one reactor build: upstream modules from their target/classes, nothing installed (works from a fresh clone)
"${MVN:-./mvnw}" -q -B -ntp -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load-classpath.txt
exec java -cp "web/target/test-classes:web/target/classes:$(cat "$cpfile")" org.tfeval.web.bench.LoadBenchmark --think-ms 1000 "$@"
