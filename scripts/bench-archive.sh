#!/usr/bin/env bash
# Start-up of the release archive against the development jar, whole process, paired runs (each round runs every
# case once, in turn), medians of RUNS rounds, wall time and CPU time (user + system):
#   jar         java -jar cli/target/mcpsec.jar with the ./mcpsec launcher's flags (the JDK on the PATH, no app CDS)
#   first       the archive's bin/mcpsec right after unpacking it into a fresh folder
#   steady      the archive's bin/mcpsec again, same folder
#   no-archive  the same with its start-up archive switched off (-XX:AOTMode=off for an AOT cache, -Xshare:off for CDS)
# on `scan examples/leaky-demo --no-history -q` (exit 1 expected). Needs dist/target/mcpsec-*.tar.gz (mvn package)
# or the archive named as the second argument.
# Usage: scripts/bench-archive.sh [RUNS [ARCHIVE]]   (default 7 rounds, dist/target/mcpsec-*.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
archive=${2:-}
if [ -z "$archive" ]; then
  set -- dist/target/mcpsec-*-*.tar.gz
  archive=$1
fi
[ -f "$archive" ] || { echo "no release archive: run mvn package first" >&2; exit 2; }
[ -f cli/target/mcpsec.jar ] || { echo "no cli/target/mcpsec.jar: run mvn package first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# ms OUT COMMAND...: appends "wall_ms cpu_ms"; exit 1 is the leaky demo's expected result
ms() {
  local out=$1 t rc
  shift
  set +e
  t=$( { TIMEFORMAT='%R %U %S'; time "$@" > /dev/null 2> "$work/last.err"; } 2>&1 )
  rc=$?
  set -e
  if [ "$rc" -ne 1 ]; then
    echo "bench-archive: exit $rc, expected 1, from: $*" >&2
    tail -n 5 "$work/last.err" >&2
    exit 1
  fi
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >> "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
demo=$PWD/examples/leaky-demo
off=
for i in $(seq "$runs"); do
  ms "$work/jar" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar cli/target/mcpsec.jar scan "$demo" --no-history -q
  rm -rf "$work/u"; mkdir -p "$work/u"; tar -xzf "$archive" -C "$work/u"
  launcher=$(echo "$work"/u/mcpsec-*/bin/mcpsec)
  if [ -z "$off" ]; then
    if [ -f "$work"/u/mcpsec-*/lib/mcpsec.aot ]; then off=-XX:AOTMode=off; else off=-Xshare:off; fi
  fi
  ms "$work/first" "$launcher" scan "$demo" --no-history -q
  ms "$work/steady" "$launcher" scan "$demo" --no-history -q
  MCPSEC_JAVA_OPTS=$off ms "$work/no-archive" "$launcher" scan "$demo" --no-history -q
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs rounds; jar on $(java -version 2>&1 | sed -n 1p)"
echo "archive: $(basename "$archive"), $(( $(stat -c %s "$archive") / 1048576 )) MiB, runtime $("$work"/u/mcpsec-*/runtime/bin/java -version 2>&1 | sed -n 1p), $(ls "$work"/u/mcpsec-*/lib | grep -v '\.jar$')"
echo "| case | wall ms | CPU ms |"
echo "|---|---|---|"
for c in jar first steady no-archive; do
  printf '| %s | %d | %d |\n' "$c" "$(cut -d' ' -f1 "$work/$c" | median)" "$(cut -d' ' -f2 "$work/$c" | median)"
done
