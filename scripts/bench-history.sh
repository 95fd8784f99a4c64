#!/usr/bin/env bash
# Benchmark of mcpsec's git history pass (dev.mcpsec.git.GitInspector#history).
#
# Builds (once, cached) a repository of COMMITS commits with `git fast-import`: most commits edit ordinary
# source files across ~1,000 paths in 50 directories; a few hundred touch .mcp.json, .cursor/mcp.json or
# .env files; BRANCHES branches and TAGS tags point into the history. Then runs the history pass RUNS
# times, each in a fresh JVM limited to 1 GiB heap, and prints the median time of the pass, the median
# process wall time, the median CPU time of the process and the median / max peak RSS. On a shared machine
# the wall times include waiting for the CPU: compare the CPU time too.
#
# Usage: scripts/bench-history.sh [--rebuild] [--repack]
#   env: COMMITS (100000) BRANCHES (2000) TAGS (200) RUNS (5) BENCH_DIR (/tmp/mcpsec-bench-history)
#        JAVA_OPTS (-Xmx1g), e.g. JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1" to compare JIT settings
set -euo pipefail

COMMITS=${COMMITS:-100000}
BRANCHES=${BRANCHES:-2000}
TAGS=${TAGS:-200}
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/mcpsec-bench-history}
REBUILD=0
REPACK=0
for arg in "$@"; do
    case "$arg" in
        --rebuild) REBUILD=1 ;;
        --repack) REPACK=1 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPO="$BENCH_DIR/repo-$COMMITS"

build_repo() {
    rm -rf "$REPO"
    mkdir -p "$REPO"
    git -C "$REPO" init -q -b main
    echo "building $COMMITS commits with git fast-import in $REPO ..."
    local started=$SECONDS
    LC_ALL=C awk -v commits="$COMMITS" -v branches="$BRANCHES" -v tags="$TAGS" '
        function blob(path, text) {
            printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text) + 1, text
        }
        BEGIN {
            t = 1600000000
            every_branch = int(commits / (branches + 1)); if (every_branch < 1) every_branch = 1
            every_tag = int(commits / (tags + 1)); if (every_tag < 1) every_tag = 1
            for (i = 1; i <= commits; i++) {
                msg = "change " i
                printf "commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.invalid> %d +0000\n", i, t + i * 60
                printf "data %d\n%s\n", length(msg), msg
                dir = "src/module" (i % 50)
                blob(dir "/file" (i % 20) ".txt", "line " i " of an ordinary source file")
                if (i % 300 == 0) blob(".mcp.json", "{\"mcpServers\":{\"demo\":{\"command\":\"npx\",\"env\":{\"REV\":\"" i "\"}}}}")
                if (i % 1000 == 0) blob(".cursor/mcp.json", "{\"mcpServers\":{\"c\":{\"url\":\"https://example.invalid/" i "\"}}}")
                if (i % 500 == 0) blob(".env", "APP_REVISION=" i)
                if (i % 2500 == 0) blob("services/api/.env", "API_REVISION=" i)
                if (i == int(commits / 2)) printf "D services/api/.env\n"
                printf "\n"
                if (i % every_branch == 0) printf "reset refs/heads/topic/%d\nfrom :%d\n\n", i, i
                if (i % every_tag == 0) printf "reset refs/tags/v%d\nfrom :%d\n\n", i, i
            }
        }' | git -C "$REPO" fast-import --quiet
    if [ "$(git -C "$REPO" rev-list --count main 2>/dev/null || echo 0)" != "$COMMITS" ]; then
        echo "fast-import failed" >&2
        exit 1
    fi
    if [ "$REPACK" = 1 ]; then
        echo "repacking ..."
        git -C "$REPO" repack -a -d -q
    fi
    git -C "$REPO" checkout -q main
    echo "built in $((SECONDS - started)) s: $(git -C "$REPO" rev-list --count --all) commits, $(git -C "$REPO" for-each-ref | wc -l) refs, $(du -sh "$REPO/.git" | cut -f1) in .git"
}

if [ "$REBUILD" = 1 ] || [ ! -d "$REPO/.git" ]; then
    build_repo
fi

echo "building the benchmark jar (profile bench) ..."
(cd "$ROOT" && mvn -q -B -o -Pbench -pl bench -am package -DskipTests)
CP="$ROOT/bench/target/benchmarks.jar"

peak_rss_kb() {  # runs "$@", prints its stdout, then "rss_kb=N wall_ms=N"
    local out rc
    if [ -x /usr/bin/time ]; then
        local tf; tf=$(mktemp)
        local t0; t0=$(date +%s%N)
        out=$(/usr/bin/time -f '%M' -o "$tf" "$@") || rc=$?
        local t1; t1=$(date +%s%N)
        echo "$out rss_kb=$(tail -n1 "$tf") wall_ms=$(( (t1 - t0) / 1000000 ))"
        rm -f "$tf"
    else
        # no GNU time: sample VmHWM from /proc while the JVM runs
        local t0; t0=$(date +%s%N)
        local tf; tf=$(mktemp)
        "$@" >"$tf" &
        local pid=$! hwm=0 v
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
            sleep 0.05
        done
        wait "$pid" || rc=$?
        local t1; t1=$(date +%s%N)
        echo "$(cat "$tf") rss_kb=$hwm wall_ms=$(( (t1 - t0) / 1000000 ))"
        rm -f "$tf"
    fi
    return "${rc:-0}"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }

RESULTS="$BENCH_DIR/results.txt"
: >"$RESULTS"
for run in $(seq 1 "$RUNS"); do
    line=$(peak_rss_kb java ${JAVA_OPTS:--Xmx1g} -cp "$CP" dev.mcpsec.bench.HistoryBench "$REPO")
    echo "run $run: $line"
    echo "$line" >>"$RESULTS"
done

echo "---"
echo "repository: $COMMITS commits on main, $BRANCHES branches, $TAGS tags ($(nproc) cores, java ${JAVA_OPTS:--Xmx1g})"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share these cores)"
echo "median history pass: $(field history_ms <"$RESULTS" | median) ms"
echo "median process CPU:  $(field cpu_ms <"$RESULTS" | median) ms (all threads, JIT and GC included)"
echo "median process wall: $(field wall_ms <"$RESULTS" | median) ms"
echo "median peak RSS:     $(( $(field rss_kb <"$RESULTS" | median) / 1024 )) MiB (max $(( $(field rss_kb <"$RESULTS" | sort -n | tail -n1) / 1024 )) MiB)"
