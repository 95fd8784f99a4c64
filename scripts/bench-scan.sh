#!/usr/bin/env bash
# Whole-process benchmark of `mcpsec scan`: cold JVM each run, median of N runs.
#   scripts/bench-scan.sh [RUNS]        (default 5)
# Cases: the bundled leaky demo, the clean example, and a generated tree of 5,000 config files (every client shape,
# fake secret-shaped values generated here at random, placeholders and references). Uses bash, date, sort, awk.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=cli/target/mcpsec.jar
[ -f "$jar" ] || mvn -q -B -DskipTests -pl cli -am package
work=${BENCH_DIR:-/tmp/mcpsec-bench-scan}
tree=$work/tree-5000

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }

time_case() {
  local name=$1; shift
  local t=()
  for _ in $(seq 1 "$runs"); do
    local s e
    s=$(date +%s%N)
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" scan "$@" --format json --fail-on never --quiet >/dev/null
    e=$(date +%s%N)
    t+=("$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.3f", (b-a)/1e9}')")
  done
  printf '%-28s median %s s   runs: %s\n' "$name" "$(printf '%s\n' "${t[@]}" | median)" "${t[*]}"
}

mkdir -p "$work"
[ -d "$tree" ] || scripts/gen-config-tree.sh "$tree"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | sed -n 1p)"
time_case "leaky-demo (cold)" examples/leaky-demo --no-history
time_case "clean-project (cold)" examples/clean-project --no-history
time_case "5,000 files (cold)" "$tree" --no-history
