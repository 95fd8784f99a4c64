#!/usr/bin/env bash
# Start-up of the release archive against the development jar, whole process, paired runs (each round runs every
# case once, in turn), medians of RUNS rounds:
#   jar         java -jar cli/target/mcpsec.jar with the ./mcpsec launcher's flags (the JDK on the PATH, no app CDS)
#   first run   the archive's bin/mcpsec right after unpacking it into a fresh folder
#   steady      the archive's bin/mcpsec again, same folder
# on `scan examples/leaky-demo --no-history -q` (exit 1 expected). Needs dist/target/mcpsec-*.tar.gz (mvn package).
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
demo=$PWD/examples/leaky-demo
for i in $(seq "$runs"); do
  ms java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar cli/target/mcpsec.jar scan "$demo" --no-history -q >> "$work/jar"
  rm -rf "$work/u"; mkdir -p "$work/u"; tar -xzf "$archive" -C "$work/u"
  launcher=$(echo "$work"/u/mcpsec-*/bin/mcpsec)
  ms "$launcher" scan "$demo" --no-history -q >> "$work/first"
  ms "$launcher" scan "$demo" --no-history -q >> "$work/steady"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p), load $(cut -d' ' -f1-3 /proc/loadavg); $runs rounds"
echo "archive: $(basename "$archive"), $(( $(stat -c %s "$archive") / 1048576 )) MiB, runtime $("$work"/u/mcpsec-*/runtime/bin/java -version 2>&1 | sed -n 1p), $(ls "$work"/u/mcpsec-*/lib | grep -v '\.jar$')"
for c in jar first steady; do printf '%-7s median %5d ms\n' "$c" "$(median < "$work/$c")"; done
