#!/bin/sh
# Checks the release archive as a user gets it: unpacks it into a clean folder, runs its launcher on the bundled
# leaky demo (exit 1 and a JSON report with findings expected) and on the clean example (exit 0), and checks that
# nothing but the report reaches standard output; that the start-up archive (an AOT cache from a Java 25+ runtime, a
# CDS archive before it) is usable after unpacking, and that every picocli class the scan loads comes from it
# (-Xlog:class+load says "source: shared objects file"), which needs picocli compiled at a modern release (cli/pom.xml);
# and that a stale start-up archive only makes the JVM warn on standard error.
# Usage: check-archive.sh ARCHIVE.tar.gz EXAMPLES_DIR WORK_DIR
set -eu
archive=$1
examples=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$archive" -C "$work"
launcher=$(ls "$work"/mcpsec-*/bin/mcpsec)
[ -x "$launcher" ] || { echo "check-archive: $launcher is not executable" >&2; exit 1; }
lib=$(dirname "$launcher")/../lib
if [ -f "$lib/mcpsec.aot" ]; then
  kind="AOT cache"; strict=-XX:AOTMode=on
elif [ -f "$lib/mcpsec.jsa" ]; then
  kind="CDS archive"; strict=-Xshare:on
else
  echo "check-archive: neither an AOT cache (lib/mcpsec.aot) nor a CDS archive (lib/mcpsec.jsa) in lib/" >&2
  exit 1
fi

set +e
# from another folder, with relative paths, as a user runs it
(cd "$examples" && "$launcher" scan leaky-demo --no-history --format json -q) > "$work/leaky.json" 2> "$work/leaky.err"
leaky=$?
(cd "$examples" && "$launcher" scan clean-project --no-history -q) > "$work/clean.txt" 2> "$work/clean.err"
clean=$?
# the start-up archive made at package time is used after the move (the JVM fails with $strict if not), and the
# classes the scan loads, picocli's among them, come from it; the class log goes to a file, not to stdout
(cd "$examples" && MCPSEC_JAVA_OPTS="$strict -Xlog:class+load=info:file=$work/classes.log" "$launcher" scan leaky-demo \
  --no-history --format json -q) > "$work/archived.json" 2> "$work/archived.err"
shared=$?
set -e
if [ "$shared" -ne 1 ]; then
  echo "check-archive: with $strict the launcher cannot use its $kind after unpacking (exit $shared):" >&2
  cat "$work/archived.err" >&2
  exit 1
fi
# the same report, duration aside
if [ "$(grep -v '"durationMs"' "$work/archived.json")" != "$(grep -v '"durationMs"' "$work/leaky.json")" ]; then
  echo "check-archive: the report differs when the class log is on (see $work/archived.json)" >&2
  exit 1
fi
picocli=$(grep -c ' picocli\.' "$work/classes.log" || true)
unshared=$(grep ' picocli\.' "$work/classes.log" | grep -vc 'source: shared objects file' || true)
if [ "$picocli" -eq 0 ] || [ "$unshared" -ne 0 ]; then
  echo "check-archive: $unshared of the $picocli picocli classes the scan loaded did not come from the $kind:" >&2
  grep ' picocli\.' "$work/classes.log" | grep -v 'source: shared objects file' | head -n 5 >&2
  exit 1
fi
app=$(grep -c ' dev\.mcpsec\.' "$work/classes.log" || true)
appshared=$(grep ' dev\.mcpsec\.' "$work/classes.log" | grep -c 'source: shared objects file' || true)
if [ "$leaky" -ne 1 ] || [ "$clean" -ne 0 ]; then
  echo "check-archive: expected exit 1 (leaky-demo) and 0 (clean-project), got $leaky and $clean" >&2
  cat "$work/leaky.err" "$work/clean.err" >&2
  exit 1
fi
# stdout is exactly one JSON document: it starts with { and its last line is }
first=$(head -c 1 "$work/leaky.json")
last=$(tail -n 1 "$work/leaky.json")
if [ "$first" != "{" ] || [ "$last" != "}" ] || ! grep -q '"ruleId"' "$work/leaky.json"; then
  echo "check-archive: the JSON report on standard output is not clean:" >&2
  head -n 5 "$work/leaky.json" >&2
  tail -n 5 "$work/leaky.json" >&2
  exit 1
fi
# a start-up archive the JVM cannot use costs only time: the JVM's complaint goes to standard error, the report alone
# to standard output. Java 17 refuses a CDS archive once the jar's time changed (as after copying it without its file
# times); Java 25 does not check the jar's time for an AOT cache, so there the cache is made unusable by a heap setting
# it was not made with.
stale_opts=
if [ "$kind" = "CDS archive" ]; then
  touch "$lib/mcpsec.jar"
else
  stale_opts=-XX:-UseCompressedOops
fi
set +e
(cd "$examples" && MCPSEC_JAVA_OPTS="$stale_opts" "$launcher" scan leaky-demo --no-history --format json -q) \
  > "$work/stale.json" 2> "$work/stale.err"
stale=$?
set -e
if [ "$stale" -ne 1 ] || [ "$(grep -v '"durationMs"' "$work/stale.json")" != "$(grep -v '"durationMs"' "$work/leaky.json")" ] \
    || ! grep -q 'warning' "$work/stale.err"; then
  echo "check-archive: with a stale $kind, expected exit 1, the same report on stdout and the JVM's warning on stderr" >&2
  cat "$work/stale.err" >&2
  exit 1
fi
echo "check-archive: $(basename "$archive") unpacks; its launcher scanned the leaky demo (exit 1) and the clean example (exit 0); its $kind served all $picocli picocli classes and $appshared of $app mcpsec classes the scan loaded"
