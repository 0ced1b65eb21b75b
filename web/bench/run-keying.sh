#!/bin/sh
# Keying benchmark of the coding form (issue 15): a scripted coder in headless Chromium keys a
# typical paper case (one victim, one suspect, two offenses: web/src/test/resources/org/tfeval/web/keying)
# with the keyboard into a server on an embedded PostgreSQL, and counts keys, pointer actions and
# seconds. The baseline is measured in the same run: the script builds the form as it was before
# issue 15 (the coding templates and style sheet of BASELINE_REV, default 2908d50, and yes/no items
# as drop-downs, over this checkout's committed server code, keyed by this checkout's keyer) in a temporary git worktree, and alternates the
# two layouts' runs so that both see the same machine. Prints the medians and their ratios and writes
# them to web/target/keying-result.txt.
#
#   web/bench/run-keying.sh [--runs 3] [--typist-runs 1]
#
# --runs: runs per layout at machine pace (the script as fast as the browser takes keys);
# --typist-runs: runs per layout at a skilled typist's pace (0.28 s a key; about 2.5 minutes for both).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=3
typist=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --typist-runs) typist=$2; shift 2 ;;
    *) echo "run-keying.sh: unknown option $1 (--runs N, --typist-runs N)" >&2; exit 2 ;;
  esac
done
baseline=${BASELINE_REV:-2908d50}
mvn=${MVN:-./mvnw}
before=$(mktemp -d /tmp/tfeval-keying-before-XXXXXX)
trap 'git -C "$root" worktree remove --force "$before" >/dev/null 2>&1 || rm -rf "$before"' EXIT

echo "building the current form..."
$mvn -q -B -ntp -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/keying-classpath.txt
echo "building the form before issue 15 (templates of $baseline) in $before..."
git worktree add -q --detach "$before" HEAD
# this checkout's keyer drives both layouts, and its server code serves both
rm -rf "$before/web/src/test/java/org/tfeval/web/keying"
cp -r web/src/test/java/org/tfeval/web/keying "$before/web/src/test/java/org/tfeval/web/keying"
for f in case conflict errors field issues node record saved; do
  git show "$baseline:web/src/main/jte/coding/$f.jte" > "$before/web/src/main/jte/coding/$f.jte"
done
git show "$baseline:web/src/main/resources/org/tfeval/web/assets/app.css" > "$before/web/src/main/resources/org/tfeval/web/assets/app.css"
# the old form had no yes/no rows: those items were drop-downs like any other code
views="$before/web/src/main/java/org/tfeval/web/coding/FormViews.java"
sed -i 's/^\( *\): yesNo(v)$/\1: false \&\& yesNo(v)/' "$views"
grep -q 'false && yesNo(v)' "$views" || { echo "run-keying.sh: could not turn the yes/no rows off in $views" >&2; exit 1; }
(cd "$before" && "$root/mvnw" -q -B -ntp -o -pl web -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/keying-classpath.txt \
  -Dspotless.check.skip=true -Dlicense.skip=true -Denforcer.skip=true)

results=web/target/keying-runs.tsv
rm -f "$results"
bench() { # dir label pace
  (cd "$1" && java -cp "web/target/test-classes:web/target/classes:$(cat web/target/keying-classpath.txt)" \
    org.tfeval.web.keying.KeyingBenchmark --label "$2" --pace "$3" --runs 1 --append "$root/$results")
}
alternate() { # runs pace: the layouts take turns, so both see the same machine
  i=0
  while [ $i -lt "$1" ]; do
    bench "$before" before "$2"
    bench "$root" after "$2"
    i=$((i + 1))
  done
}
alternate "$runs" machine
alternate "$typist" typist
java -cp "web/target/test-classes:web/target/classes:$(cat web/target/keying-classpath.txt)" \
  org.tfeval.web.keying.KeyingBenchmark --report "$results" --before before --label after \
  --out web/target/keying-result.txt
