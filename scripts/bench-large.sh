#!/usr/bin/env bash
# Two release archives of mcpsec side by side, whole process, paired runs: each round runs both once on the same
# input, the order alternating from round to round, so that load from other processes hits both sides alike; medians
# of the wall time and of the CPU time (user + system), and the ratio B / A (below 1: B is faster).
#   5,000   the 5,000-config tree of scripts/gen-config-tree.sh: `mcpsec scan DIR --no-history` (text report)
#   small   a git repository with one config (.mcp.json) and 3 commits, made here: `mcpsec scan DIR`
# Usage: scripts/bench-large.sh ARCHIVE_A ARCHIVE_B [RUNS [SMALL_RUNS]]   (default 5 rounds on the tree, 11 on the
# small repository, 0 to leave a case out). Archives are dist/target/mcpsec-*.tar.gz of two builds (build each with
# `mvn -o -q -B -DskipTests package -pl dist -am`, add -Ddist.jdk=... for a Java 25 runtime), unpacked into the work
# folder (BENCH_DIR, default /tmp/mcpsec-bench-large); one untimed run of each per case goes first. EXTRA_A and
# EXTRA_B add JVM options to one side (MCPSEC_JAVA_OPTS), e.g. EXTRA_B=-Dmcpsec.scan.threads=1. Both sides must
# write the same report (the duration aside): the script compares them once per case and stops if they differ.
# Outputs go to /dev/null; exit codes 0 and 1 (findings) are accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
archive_a=$1
archive_b=$2
runs=${3:-5}
small_runs=${4:-11}
work=${BENCH_DIR:-/tmp/mcpsec-bench-large}
for a in "$archive_a" "$archive_b"; do
  [ -f "$a" ] || { echo "bench-large: no archive at $a" >&2; exit 2; }
done
mkdir -p "$work"
unpack() { # unpack NAME ARCHIVE: prints the launcher's path
  rm -rf "${work:?}/$1"
  mkdir -p "$work/$1"
  tar -xzf "$2" -C "$work/$1"
  echo "$work/$1"/mcpsec-*/bin/mcpsec
}
mcpsec_a=$(unpack a "$archive_a")
mcpsec_b=$(unpack b "$archive_b")

tree=$work/tree-5000
[ -d "$tree" ] || scripts/gen-config-tree.sh "$tree"
small=$work/small-repo
scripts/gen-small-repo.sh "$small"

run() { # run SIDE OUT COMMAND...: the side's launcher with its extra options; appends "wall_ms cpu_ms" to OUT
  local side=$1 out=$2 t rc extra
  shift 2
  if [ "$side" = a ]; then extra=${EXTRA_A:-}; else extra=${EXTRA_B:-}; fi
  set +e
  t=$( { TIMEFORMAT='%R %U %S'; time MCPSEC_JAVA_OPTS="$extra" "$@" > /dev/null 2> "$work/last.err"; } 2>&1 )
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "bench-large: exit $rc from: $*" >&2
    tail -n 5 "$work/last.err" >&2
    exit 1
  fi
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >> "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
same_report() { # same_report ARGS...: both sides' reports, the duration in the summary line blanked, must be equal
  MCPSEC_JAVA_OPTS="${EXTRA_A:-}" "$mcpsec_a" scan "$@" 2>/dev/null | sed -E 's/ in [0-9]+ ms$/ in - ms/' > "$work/report.a" || true
  MCPSEC_JAVA_OPTS="${EXTRA_B:-}" "$mcpsec_b" scan "$@" 2>/dev/null | sed -E 's/ in [0-9]+ ms$/ in - ms/' > "$work/report.b" || true
  cmp -s "$work/report.a" "$work/report.b" || {
    echo "bench-large: the two archives write different reports for scan $* (see $work/report.a and report.b)" >&2
    exit 1
  }
}

paired() { # paired NAME ROUNDS ARGS...
  local name=$1 rounds=$2 i
  shift 2
  [ "$rounds" -gt 0 ] || return 0
  rm -f "$work/$name.a" "$work/$name.b"
  same_report "$@"
  for i in $(seq "$rounds"); do
    if [ $((i % 2)) -eq 1 ]; then
      run a "$work/$name.a" "$mcpsec_a" scan "$@"
      run b "$work/$name.b" "$mcpsec_b" scan "$@"
    else
      run b "$work/$name.b" "$mcpsec_b" scan "$@"
      run a "$work/$name.a" "$mcpsec_a" scan "$@"
    fi
  done
  local wa wb ca cb
  wa=$(cut -d' ' -f1 "$work/$name.a" | median)
  wb=$(cut -d' ' -f1 "$work/$name.b" | median)
  ca=$(cut -d' ' -f2 "$work/$name.a" | median)
  cb=$(cut -d' ' -f2 "$work/$name.b" | median)
  printf '| %s | %d | %d | %s | %d | %d | %s |\n' "$name" "$wa" "$wb" "$(awk -v a="$wa" -v b="$wb" 'BEGIN {printf "%.2f", b / a}')" \
    "$ca" "$cb" "$(awk -v a="$ca" -v b="$cb" 'BEGIN {printf "%.2f", b / a}')"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $(basename "$archive_a") ${EXTRA_A:-}; B: $(basename "$archive_b") ${EXTRA_B:-}"
echo "paired rounds ($runs on 5,000 configs, $small_runs on the small repository), order alternating; medians"
echo
echo "| case | A wall ms | B wall ms | B / A | A CPU ms | B CPU ms | B / A (CPU) |"
echo "|---|---|---|---|---|---|---|"
paired "5,000 configs" "$runs" "$tree" --no-history
paired "small git repository (1 config, 3 commits)" "$small_runs" "$small"
echo
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
