#!/usr/bin/env bash
# Phase breakdown of a small cold `mcpsec scan`: a generated repository with one config and a short git history
# (6 commits), scanned RUNS times in fresh JVMs with -Dmcpsec.diagnostics=true; prints the median wall time of every
# phase the engine reports on standard error, and of the whole process ("report and exit" is the whole process
# minus the JVM's age when the scan result was ready).
#   scripts/bench-phases.sh [RUNS]                 (default 5)
#   JAR=path/to/mcpsec.jar scripts/bench-phases.sh (default cli/target/mcpsec.jar)
#   LAUNCHER=path/to/mcpsec-*/bin/mcpsec scripts/bench-phases.sh   (an unpacked release archive instead of a jar: its
#                                                  runtime, AOT cache or CDS archive and JVM flags)
#   EXTRA="-Dmcpsec.rules.compile=drl" ...         (more JVM options, e.g. the diagnostic DRL switch)
# Uses bash, git, date, sort, awk. Fake secret-shaped values are generated here at random.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=${JAR:-cli/target/mcpsec.jar}
launcher=${LAUNCHER:-}
if [ -n "$launcher" ]; then
  [ -x "$launcher" ] || { echo "bench-phases: $launcher is not an executable launcher" >&2; exit 2; }
else
  [ -f "$jar" ] || { echo "bench-phases: $jar not found (mvn -o -q -B -DskipTests -pl cli -am package)" >&2; exit 2; }
fi
work=${BENCH_DIR:-/tmp/mcpsec-bench-phases}
repo=$work/small-repo

alnum() { LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1" || true; }

if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo"; mkdir -p "$repo"
  git -C "$repo" init -q -b main
  for i in 1 2 3 4 5 6; do
    cat > "$repo/.mcp.json" <<JSON
{"mcpServers": {
  "stripe": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.$i", "--tools=all", "--api-key=sk_test_$(alnum 32)"]},
  "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "./docs"]}
}}
JSON
    echo "release $i" > "$repo/NOTES.md"
    git -C "$repo" add -A
    git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m "change $i"
  done
fi

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }

declare -A samples
order=()
for _ in $(seq 1 "$runs"); do
  s=$(date +%s%N)
  if [ -n "$launcher" ]; then
    MCPSEC_JAVA_OPTS="-Dmcpsec.diagnostics=true ${EXTRA:-}" "$launcher" \
      scan "$repo" --format json --fail-on never --quiet >/dev/null 2>"$work/err.txt"
  else
    # shellcheck disable=SC2086
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dmcpsec.diagnostics=true ${EXTRA:-} -jar "$jar" \
      scan "$repo" --format json --fail-on never --quiet >/dev/null 2>"$work/err.txt"
  fi
  e=$(date +%s%N)
  wall=$(( (e - s) / 1000000 ))
  ready=0
  while IFS= read -r line; do
    case $line in
      "mcpsec diagnostics: "*" ms")
        name=$(echo "$line" | sed -E 's/^mcpsec diagnostics: (.*[^ ]) +(-?[0-9]+) ms$/\1/')
        ms=$(echo "$line" | sed -E 's/^.* (-?[0-9]+) ms$/\1/')
        [ -n "${samples[$name]+x}" ] || order+=("$name")
        samples[$name]="${samples[$name]:-} $ms"
        case $name in "JVM start to scan result"*) ready=$ms ;; esac
        ;;
    esac
  done < "$work/err.txt"
  for n in "report and exit (whole process minus scan result)" "whole process (wall)"; do
    [ -n "${samples[$n]+x}" ] || order+=("$n")
  done
  samples["report and exit (whole process minus scan result)"]="${samples["report and exit (whole process minus scan result)"]:-} $((wall - ready))"
  samples["whole process (wall)"]="${samples["whole process (wall)"]:-} $wall"
  grep -E "^mcpsec diagnostics: (bundle|rule compilation)" "$work/err.txt" > "$work/last-notes.txt" || true
done

if [ -n "$launcher" ]; then echo "launcher: $launcher ${EXTRA:-}"; else echo "jar: $jar ${EXTRA:-}"; fi
runtime=java
[ -z "$launcher" ] || runtime="$(dirname "$launcher")/../runtime/bin/java"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$runtime" -version 2>&1 | sed -n 1p)"
for n in "${order[@]}"; do
  # shellcheck disable=SC2086
  printf '%-66s median %6s ms   runs:%s\n' "$n" "$(printf '%s\n' ${samples[$n]} | median)" "${samples[$n]}"
done
cat "$work/last-notes.txt"
