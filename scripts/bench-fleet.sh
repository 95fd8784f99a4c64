#!/usr/bin/env bash
# Benchmark of `mcpsec fleet` on a generated fleet of bare mirrors (scripts/gen-fleet.py).
#
# Generates (once, cached) REPOS bare repositories with realistic histories and planted problems, then measures,
# RUNS times each, in fresh JVMs:
#   cold         an empty output folder: every repository is scanned (history included)
#   unchanged    the same output folder again: nothing changed, every result comes from the cache
#   1% changed   one commit added to 1% of the repositories, then a run on the warm cache
# and prints the median wall time, repositories per second and the median / max peak RSS of each. It also checks
# the cold report against the generator's manifest: every planted problem must be found.
#
# Usage: scripts/bench-fleet.sh [--rebuild]
#   env: REPOS (1000) RUNS (5) BENCH_DIR (/tmp/mcpsec-bench-fleet) MCPSEC_JAVA_OPTS (passed to the launcher)
set -euo pipefail

REPOS=${REPOS:-1000}
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/mcpsec-bench-fleet}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FLEET="$BENCH_DIR/fleet-$REPOS"
if [ "${1:-}" = "--rebuild" ] || [ ! -f "$FLEET/manifest.json" ]; then
    rm -rf "$FLEET"
    echo "generating $REPOS bare repositories in $FLEET ..." >&2
    python3 "$ROOT/scripts/gen-fleet.py" "$FLEET" --repos "$REPOS"
fi
"$ROOT/mcpsec" --version >/dev/null   # builds the CLI once, outside the measurements

run() {  # run OUT: one fleet run; prints "wall_ms rss_kb"
    local out=$1 tf t0 t1
    tf=$(mktemp)
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$tf" "$ROOT/mcpsec" fleet "$FLEET" -o "$out" --fail-on never -q >/dev/null
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(tail -n1 "$tf")"
    rm -f "$tf"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
report() {  # report NAME FILE
    local wall rss max
    wall=$(cut -d' ' -f1 "$2" | median)
    rss=$(cut -d' ' -f2 "$2" | median)
    max=$(cut -d' ' -f2 "$2" | sort -n | tail -n1)
    printf '%-11s median %6.2f s  %7.1f repositories/s  peak RSS median %d MiB (max %d MiB)\n' "$1" \
        "$(echo "$wall / 1000" | bc -l)" "$(echo "$REPOS * 1000 / $wall" | bc -l)" $((rss / 1024)) $((max / 1024))
}

cold=$(mktemp); unchanged=$(mktemp); changed=$(mktemp)
for i in $(seq "$RUNS"); do
    out="$BENCH_DIR/out-$i"
    rm -rf "$out"
    run "$out" >>"$cold"
    [ "$i" -eq 1 ] && cp "$out/org-report.json" "$BENCH_DIR/cold-report.json"
    run "$out" >>"$unchanged"
done
for i in $(seq "$RUNS"); do
    python3 "$ROOT/scripts/gen-fleet.py" "$FLEET" --touch 1% --seed "$i" 2>/dev/null
    run "$BENCH_DIR/out-$i" >>"$changed"
done

python3 - "$FLEET/manifest.json" "$BENCH_DIR/cold-report.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))["repositories"]
report = {r["name"]: r for r in json.load(open(sys.argv[2]))["repositories"]}
missed = []
planted = 0
for name, expected in manifest.items():
    found = {f["checklist"] for f in report[name]["findings"]}
    for c in expected:
        planted += 1
        if c not in found:
            missed.append("%s: %s" % (name, c))
failed = [n for n, r in report.items() if r["error"]]
print("planted problems found: %d/%d; repositories not scanned: %d" % (planted - len(missed), planted, len(failed)))
for m in missed:
    print("  missed " + m)
sys.exit(1 if missed or failed else 0)
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | sed -n 1p), load $(cut -d' ' -f1-3 /proc/loadavg)"
report cold "$cold"
report unchanged "$unchanged"
report "1% changed" "$changed"
rm -f "$cold" "$unchanged" "$changed"
