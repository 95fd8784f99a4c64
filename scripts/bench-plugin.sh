#!/usr/bin/env bash
# What `mcpsec:verify` adds to a small project's build: paired rounds of `mvn -o -q verify` on a one-config project
# (a copy of maven-plugin/src/it/clean-pass), in four variants per round, in rotating order:
#   first run   the goal scans (target/mcpsec removed before the build, as after `mvn clean`)
#   repeated    nothing changed since the previous run: the goal's up-to-date check reuses it
#   skipped     -Dmcpsec.skip=true (Maven still resolves the plugin and builds its class realm)
#   no plugin   the same project without the plugin in its POM
# prints the median of each and of the paired differences against the skipped build and the build without the plugin.
#   scripts/bench-plugin.sh [RUNS]      (default 5)
#   REPO=/other/local-repo scripts/bench-plugin.sh   (a local repository holding another build of the plugin)
#   BASE=/base/local-repo scripts/bench-plugin.sh    (before/after: every round also builds the four variants with
#       the plugin of BASE, the side that goes first alternating from round to round, and the script prints both
#       sides and the paired differences this - base)
# The plugin comes from the invoker's private local repository (maven-plugin/target/local-repo), which
# `mvn -o -B -pl maven-plugin -am verify` fills; nothing is installed into ~/.m2. Uses bash, mvn, date, sort, awk, sed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
root=$(pwd -P)
repo=${REPO:-$root/maven-plugin/target/local-repo}
base=${BASE:-}
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p;T;q" pom.xml)
for r in "$repo" ${base:+"$base"}; do
  if [ ! -d "$r/dev/mcpsec/mcpsec-maven-plugin/$version" ]; then
    echo "bench-plugin: no mcpsec-maven-plugin $version in $r" >&2
    echo "bench-plugin: build it first: mvn -o -B -pl maven-plugin -am verify" >&2
    exit 2
  fi
done
work=${BENCH_DIR:-/tmp/mcpsec-bench-plugin}
rm -rf "$work"; mkdir -p "$work"
cp -r maven-plugin/src/it/clean-pass "$work/project"
sed -i "s/@project.version@/$version/" "$work/project/pom.xml"
cp -r "$work/project" "$work/bare"
sed -i '/<build>/,/<\/build>/d' "$work/bare/pom.xml"
# each side has its own project folder, so that its up-to-date record is its own
[ -z "$base" ] || cp -r "$work/project" "$work/project-base"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# build [mvn args...]: the wall time of one build of $work/$dir with the plugin of $brepo, in seconds
build() {
  local s e
  s=$(date +%s%N)
  (cd "$work/$dir" && mvn -o -q -B -Dmaven.repo.local="$brepo" -s "$root/maven-plugin/src/it/settings.xml" \
    verify "$@" >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v a="$s" -v b="$e" 'BEGIN {printf "%.3f", (b-a)/1e9}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "maven: $(mvn -v 2>/dev/null | sed -n 1p)"
first() { rm -rf "$work/$dir/target/mcpsec"; build "$@"; }
# a repeated build must not have scanned: the report it would rewrite keeps its modification time
repeat() {
  local report="$work/$dir/target/mcpsec/mcpsec.json" before t
  before=$(stat -c %Y.%y "$report")
  t=$(build)
  if [ "$(stat -c %Y.%y "$report")" != "$before" ]; then
    echo "bench-plugin: the repeated build scanned again (not up to date)" >&2; exit 1
  fi
  echo "$t"
}
skipped() { build -Dmcpsec.skip=true; }
bare() { local dir=bare; build; }
# use SIDE: the project folder and local repository of that side
use() {
  if [ "$1" = base ]; then dir=project-base; brepo=$base; else dir=project; brepo=$repo; fi
}
warm() {                               # warm the file cache once, not counted
  use "$1"
  build >/dev/null
  skipped >/dev/null
  build >/dev/null                     # leaves an up-to-date state for the first "repeated" build
  bare >/dev/null
}
results=$work/results
: >"$results"
# round SIDE I: the four variants of round I in rotating order, appended to $results as "side round variant seconds"
round() {
  local side=$1 i=$2 c w o n
  use "$side"
  case $((i % 3)) in
    1) c=$(first); w=$(repeat); o=$(skipped); n=$(bare) ;;
    2) n=$(bare); o=$(skipped); c=$(first); w=$(repeat) ;;
    0) w=$(repeat); n=$(bare); o=$(skipped); c=$(first) ;;
  esac
  printf '%s %s first %s\n%s %s repeated %s\n%s %s skipped %s\n%s %s none %s\n' \
    "$side" "$i" "$c" "$side" "$i" "$w" "$side" "$i" "$o" "$side" "$i" "$n" >>"$results"
  echo "round $i${base:+ ($side)}: first run $c s, repeated $w s, skipped $o s, no plugin $n s"
}
sides=this
[ -z "$base" ] || sides="this base"
for s in $sides; do warm "$s"; done
for i in $(seq 1 "$runs"); do
  if [ -z "$base" ]; then round this "$i"
  elif [ $((i % 2)) -eq 1 ]; then round this "$i"; round base "$i"
  else round base "$i"; round this "$i"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# values SIDE VARIANT: one line per round
values() { awk -v s="$1" -v v="$2" '$1 == s && $3 == v {print $4}' "$results"; }
# diffs SIDE_A VARIANT_A SIDE_B VARIANT_B: A - B per round
diffs() {
  awk -v sa="$1" -v va="$2" -v sb="$3" -v vb="$4" '
    $1 == sa && $3 == va {a[$2] = $4} $1 == sb && $3 == vb {b[$2] = $4} $2 > n {n = $2}
    END {for (r = 1; r <= n; r++) if ((r in a) && (r in b)) printf "%.3f\n", a[r] - b[r]}' "$results"
}
line() { # line LABEL then the values on stdin
  local v
  v=$(cat)
  printf '%-34s median %s s   runs: %s\n' "$1" "$(median <<<"$v")" "$(tr '\n' ' ' <<<"$v" | sed 's/ $//')"
}
for s in $sides; do
  [ -z "$base" ] || echo "== ${s}: $([ "$s" = base ] && echo "$base" || echo "$repo")"
  values "$s" first | line 'first run (scan)'
  values "$s" repeated | line 'repeated (up to date)'
  values "$s" skipped | line 'with -Dmcpsec.skip'
  values "$s" none | line 'without the plugin'
  diffs "$s" first "$s" skipped | line 'first run adds (paired)'
  diffs "$s" repeated "$s" skipped | line 'repeated adds (paired)'
  diffs "$s" repeated "$s" none | line 'repeated vs no plugin'
  diffs "$s" skipped "$s" none | line 'skipped vs no plugin'
  diffs "$s" first "$s" none | line 'first run vs no plugin'
done
if [ -n "$base" ]; then
  echo "== this - base (paired by round)"
  for v in first repeated skipped none; do diffs this "$v" base "$v" | line "$v"; done
fi
