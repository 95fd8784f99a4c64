#!/usr/bin/env bash
# How DRL compile time grows with rule count, measured the way users meet it: a cold `mcpsec scan` of the clean
# example with the built-in bundle plus a generated org bundle of N rules (N = 0, 10, 50, 200); median of RUNS.
#   scripts/bench-rules.sh [RUNS]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=cli/target/mcpsec.jar
[ -f "$jar" ] || mvn -q -B -DskipTests -pl cli -am package
work=${BENCH_DIR:-/tmp/mcpsec-bench-rules}
rm -rf "$work"; mkdir -p "$work"

make_bundle() {
  local n=$1 dir=$work/org-$1
  mkdir -p "$dir/META-INF/mcpsec/policies" "$dir/META-INF/mcpsec/data"
  printf '{"id":"bench%s","version":"1.0.0","description":"generated","engine":"0.1"}\n' "$n" \
    > "$dir/META-INF/mcpsec/bundle.json"
  printf '{"npm": ["@bench/banned-0"]}\n' > "$dir/META-INF/mcpsec/data/banned.json"
  {
    printf 'package bench%s;\nimport dev.mcpsec.facts.*;\n\n' "$n"
    for i in $(seq 1 "$n"); do
      case $((i % 3)) in
        0) when="\$s : McpServer( packageName != null, packageName.startsWith(\"@bench/p$i-\"), !hasArg(\"--read-only\") )" ;;
        1) when="\$c : Credential( kind == \"generic\", variable != null, variable.endsWith(\"_$i\") )" ;;
        *) when="\$s : McpServer( \$p : packageName != null )
    exists PolicyData( name == \"banned\", key == \"npm\", value == \$p + \"-$i\" )" ;;
      esac
      printf 'rule "BENCH-%s"\n    @id("BENCH-%s-%s") @severity("low") @checklist("bench")\n    @title("generated rule %s")\n    @message("{server} matched rule %s")\nwhen\n    %s\nthen\nend\n\n' \
        "$i" "$n" "$i" "$i" "$i" "$when"
    done
  } > "$dir/META-INF/mcpsec/policies/rules.drl"
  echo "$dir"
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | sed -n 1p)"
for n in 0 10 50 200; do
  args=(scan examples/clean-project --no-history --format json --fail-on never --quiet)
  if [ "$n" -gt 0 ]; then args+=(--bundle "$(make_bundle "$n")"); fi
  t=()
  for _ in $(seq 1 "$runs"); do
    s=$(date +%s%N)
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" "${args[@]}" > /dev/null
    e=$(date +%s%N)
    t+=("$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.3f", (b-a)/1e9}')")
  done
  printf 'built-in + %3s org rules: median %s s   runs: %s\n' "$n" "$(printf '%s\n' "${t[@]}" | median)" "${t[*]}"
done
