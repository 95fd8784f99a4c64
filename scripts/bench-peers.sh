#!/usr/bin/env bash
# mcpsec against its Node peer ferret-scan, whole process, paired runs: each round runs both tools once on the same
# input, the order alternating from round to round; medians of RUNS rounds and their ratio (ferret-scan / mcpsec,
# above 1 means mcpsec is faster), for the wall time and for the CPU time (user + system; on a loaded machine the
# CPU time is the steadier figure, but the JVM's compiler and GC threads add CPU time that costs no wall time).
#   small   a git repository with one config (.mcp.json) and a short history (3 commits), made here:
#           `mcpsec scan DIR`                 vs  `ferret scan DIR --thorough -f json`
#   5,000   the 5,000-config tree of scripts/gen-config-tree.sh:
#           `mcpsec scan DIR --no-history`    vs  `ferret scan DIR --thorough -f json`
# mcpsec runs from the release archive (dist/target/mcpsec-*.tar.gz, built with `mvn -pl dist -am package
# -DskipTests` when missing; MCPSEC_ARCHIVE names another), unpacked into the work folder; one untimed run of each
# tool per case goes first (its first run after unpacking is scripts/bench-archive.sh's subject). ferret-scan is
# installed from npm with `npm install --prefix` into the work folder, once (FERRET_VERSION, default below).
# Outputs go to /dev/null; every run's exit code is checked (0 or 1 for both tools: 1 means findings).
# BENCH_RT=1 runs every timed command with real-time priority (`chrt -f 50`, needs root): on a machine that other
# work keeps busy, both tools then get the CPUs as on an idle machine (say so when you quote such figures).
# Usage: scripts/bench-peers.sh [RUNS [LARGE_RUNS]]   (rounds for the small repository, default 11, and for the
# 5,000-config tree, default 3, 0 to leave it out: ferret-scan takes minutes on it; work folder BENCH_DIR, default /tmp/mcpsec-bench-peers)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
large_runs=${2:-3}
ferret_version=${FERRET_VERSION:-2.10.0}
work=${BENCH_DIR:-/tmp/mcpsec-bench-peers}
rt=
if [ "${BENCH_RT:-0}" = 1 ]; then
  command -v chrt >/dev/null 2>&1 || { echo "bench-peers: BENCH_RT=1 needs chrt (util-linux)" >&2; exit 2; }
  rt="chrt -f 50"
fi
mkdir -p "$work"

# ferret-scan, from npm, in the work folder
ferret=$work/ferret-$ferret_version/node_modules/.bin/ferret
if [ ! -x "$ferret" ]; then
  command -v npm >/dev/null 2>&1 || { echo "bench-peers: npm is needed to install ferret-scan" >&2; exit 2; }
  echo "installing ferret-scan@$ferret_version with npm into $work/ferret-$ferret_version ..." >&2
  npm install --prefix "$work/ferret-$ferret_version" --no-audit --no-fund "ferret-scan@$ferret_version" >&2
fi

# mcpsec, from the release archive
archive=${MCPSEC_ARCHIVE:-}
if [ -z "$archive" ]; then
  set -- dist/target/mcpsec-*-*.tar.gz
  if [ ! -f "$1" ]; then
    echo "building the release archive (mvn -B -q -pl dist -am package -DskipTests) ..." >&2
    mvn -B -q -pl dist -am package -DskipTests >&2
    set -- dist/target/mcpsec-*-*.tar.gz
  fi
  archive=$1
fi
[ -f "$archive" ] || { echo "bench-peers: no release archive at $archive" >&2; exit 2; }
rm -rf "$work/mcpsec"
mkdir -p "$work/mcpsec"
tar -xzf "$archive" -C "$work/mcpsec"
mcpsec=$(echo "$work"/mcpsec/mcpsec-*/bin/mcpsec)

# the small repository: one config, three commits
small=$work/small-repo
scripts/gen-small-repo.sh "$small"
tree=$work/tree-5000
[ -d "$tree" ] || scripts/gen-config-tree.sh "$tree"

ms() { # ms OUT_FILE COMMAND...: appends "wall_ms cpu_ms" (cpu: user + system time of the process and its children);
  # 0 and 1 are the only accepted exit codes
  local out=$1 t rc
  shift
  set +e
  # shellcheck disable=SC2086 # rt is empty or a command and its flags
  t=$( { TIMEFORMAT='%R %U %S'; time $rt "$@" > /dev/null 2> "$work/last.err"; } 2>&1 )
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "bench-peers: exit $rc from: $*" >&2
    tail -n 5 "$work/last.err" >&2
    exit 1
  fi
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >> "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

paired() { # paired NAME ROUNDS DIR MCPSEC_FLAGS...
  local name=$1 rounds=$2 dir=$3 i
  shift 3
  [ "$rounds" -gt 0 ] || return 0
  rm -f "$work/$name.mcpsec" "$work/$name.ferret"
  ms /dev/null "$mcpsec" scan "$dir" "$@"
  ms /dev/null "$ferret" scan "$dir" --thorough -f json
  for i in $(seq "$rounds"); do
    if [ $((i % 2)) -eq 1 ]; then
      ms "$work/$name.mcpsec" "$mcpsec" scan "$dir" "$@"
      ms "$work/$name.ferret" "$ferret" scan "$dir" --thorough -f json
    else
      ms "$work/$name.ferret" "$ferret" scan "$dir" --thorough -f json
      ms "$work/$name.mcpsec" "$mcpsec" scan "$dir" "$@"
    fi
  done
  local m f mc fc
  m=$(cut -d' ' -f1 "$work/$name.mcpsec" | median)
  f=$(cut -d' ' -f1 "$work/$name.ferret" | median)
  mc=$(cut -d' ' -f2 "$work/$name.mcpsec" | median)
  fc=$(cut -d' ' -f2 "$work/$name.ferret" | median)
  printf '| %s | %d | %d | %s | %d | %d | %s |\n' "$name" "$m" "$f" "$(awk -v m="$m" -v f="$f" 'BEGIN {printf "%.2f", f / m}')" \
    "$mc" "$fc" "$(awk -v m="$mc" -v f="$fc" 'BEGIN {printf "%.2f", f / m}')"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mcpsec: $(basename "$archive") ($("$mcpsec" --version 2>&1 | head -n 1)); runtime $("$work"/mcpsec/mcpsec-*/runtime/bin/java -version 2>&1 | sed -n 1p)"
echo "ferret-scan: $("$ferret" --version 2>&1 | head -n 1), node $(node --version)"
echo "paired rounds ($runs small, $large_runs for 5,000 configs), order alternating; wall time of the whole process, median ms${rt:+; real-time priority ($rt)}"
echo
echo "| case | mcpsec wall ms | ferret-scan wall ms | ferret-scan / mcpsec | mcpsec CPU ms | ferret-scan CPU ms | ferret-scan / mcpsec (CPU) |"
echo "|---|---|---|---|---|---|---|"
paired "small git repository (1 config, 3 commits)" "$runs" "$small"
paired "5,000 configs" "$large_runs" "$tree" --no-history
