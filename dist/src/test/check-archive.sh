#!/bin/sh
# Checks the release archive as a user gets it: unpacks it into a clean folder, runs its launcher on the bundled
# leaky demo (exit 1 and a JSON report with findings expected) and on the clean example (exit 0), and checks that
# nothing but the report reaches standard output.
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
[ -f "$(dirname "$launcher")/../lib/mcpsec.jsa" ] || { echo "check-archive: no CDS archive in lib/" >&2; exit 1; }

set +e
# from another folder, with relative paths, as a user runs it
(cd "$examples" && "$launcher" scan leaky-demo --no-history --format json -q) > "$work/leaky.json" 2> "$work/leaky.err"
leaky=$?
(cd "$examples" && "$launcher" scan clean-project --no-history -q) > "$work/clean.txt" 2> "$work/clean.err"
clean=$?
# the CDS archive made at package time is used after the move: Java reports it with -Xshare:on if not
(cd "$work" && MCPSEC_JAVA_OPTS=-Xshare:on "$launcher" --version) > "$work/version.txt" 2> "$work/version.err"
shared=$?
set -e
if [ "$shared" -ne 0 ]; then
  echo "check-archive: the launcher cannot use the CDS archive after unpacking:" >&2
  cat "$work/version.err" >&2
  exit 1
fi
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
echo "check-archive: $(basename "$archive") unpacks; its launcher scanned the leaky demo (exit 1) and the clean example (exit 0)"
