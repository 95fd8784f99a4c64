#!/usr/bin/env bash
# What `mcpsec:verify` adds to a small project's build: paired rounds of `mvn -o -q verify` on a one-config project
# (a copy of maven-plugin/src/it/clean-pass), in three variants per round, in rotating order:
#   first run   the goal scans (target/mcpsec removed before the build, as after `mvn clean`)
#   repeated    nothing changed since the previous run: the goal's up-to-date check reuses it
#   skipped     -Dmcpsec.skip=true (Maven still resolves the plugin and builds its class realm)
#   no plugin   the same project without the plugin in its POM
# prints the median of each and of the paired differences against the skipped build and the build without the plugin.
#   scripts/bench-plugin.sh [RUNS]      (default 5)
#   REPO=/other/local-repo scripts/bench-plugin.sh   (a local repository holding another build of the plugin)
# The plugin comes from the invoker's private local repository (maven-plugin/target/local-repo), which
# `mvn -o -B -pl maven-plugin -am verify` fills; nothing is installed into ~/.m2. Uses bash, mvn, date, sort, awk, sed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
root=$(pwd -P)
repo=${REPO:-$root/maven-plugin/target/local-repo}
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p;T;q" pom.xml)
if [ ! -d "$repo/dev/mcpsec/mcpsec-maven-plugin/$version" ]; then
  echo "bench-plugin: no mcpsec-maven-plugin $version in $repo" >&2
  echo "bench-plugin: build it first: mvn -o -B -pl maven-plugin -am verify" >&2
  exit 2
fi
work=${BENCH_DIR:-/tmp/mcpsec-bench-plugin}
rm -rf "$work"; mkdir -p "$work"
cp -r maven-plugin/src/it/clean-pass "$work/project"
sed -i "s/@project.version@/$version/" "$work/project/pom.xml"
cp -r "$work/project" "$work/bare"
sed -i '/<build>/,/<\/build>/d' "$work/bare/pom.xml"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

build() {
  local s e dir=${DIR:-project}
  s=$(date +%s%N)
  (cd "$work/$dir" && mvn -o -q -B -Dmaven.repo.local="$repo" -s "$root/maven-plugin/src/it/settings.xml" \
    verify "$@" >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v a="$s" -v b="$e" 'BEGIN {printf "%.3f", (b-a)/1e9}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "maven: $(mvn -v 2>/dev/null | sed -n 1p)"
first() { rm -rf "$work/project/target/mcpsec"; build "$@"; }
# a repeated build must not have scanned: the report it would rewrite keeps its modification time
repeat() {
  local report="$work/project/target/mcpsec/mcpsec.json" before t
  before=$(stat -c %Y.%y "$report")
  t=$(build)
  if [ "$(stat -c %Y.%y "$report")" != "$before" ]; then
    echo "bench-plugin: the repeated build scanned again (not up to date)" >&2; exit 1
  fi
  echo "$t"
}
build >/dev/null                       # warm the file cache once, not counted
build -Dmcpsec.skip=true >/dev/null
build >/dev/null                       # leaves an up-to-date state for the first "repeated" build
bare() { DIR=bare build; }
bare >/dev/null
cold=(); warm=(); without=(); none=(); dcold=(); dwarm=(); dnone=()
for i in $(seq 1 "$runs"); do
  case $((i % 3)) in
    1) c=$(first); w=$(repeat); o=$(build -Dmcpsec.skip=true); n=$(bare) ;;
    2) n=$(bare); o=$(build -Dmcpsec.skip=true); c=$(first); w=$(repeat) ;;
    0) w=$(repeat); n=$(bare); o=$(build -Dmcpsec.skip=true); c=$(first) ;;
  esac
  none+=("$n")
  dnone+=("$(awk -v a="$w" -v b="$n" 'BEGIN {printf "%.3f", a-b}')")
  cold+=("$c"); warm+=("$w"); without+=("$o")
  dcold+=("$(awk -v a="$c" -v b="$o" 'BEGIN {printf "%.3f", a-b}')")
  dwarm+=("$(awk -v a="$w" -v b="$o" 'BEGIN {printf "%.3f", a-b}')")
  echo "round $i: first run $c s, repeated $w s, skipped $o s, no plugin $n s"
done
printf 'first run (scan)          median %s s   runs: %s\n' "$(printf '%s\n' "${cold[@]}" | median)" "${cold[*]}"
printf 'repeated (up to date)     median %s s   runs: %s\n' "$(printf '%s\n' "${warm[@]}" | median)" "${warm[*]}"
printf 'with -Dmcpsec.skip        median %s s   runs: %s\n' "$(printf '%s\n' "${without[@]}" | median)" "${without[*]}"
printf 'without the plugin        median %s s   runs: %s\n' "$(printf '%s\n' "${none[@]}" | median)" "${none[*]}"
printf 'first run adds (paired)   median %s s   runs: %s\n' "$(printf '%s\n' "${dcold[@]}" | median)" "${dcold[*]}"
printf 'repeated adds (paired)    median %s s   runs: %s\n' "$(printf '%s\n' "${dwarm[@]}" | median)" "${dwarm[*]}"
printf 'repeated vs no plugin     median %s s   runs: %s\n' "$(printf '%s\n' "${dnone[@]}" | median)" "${dnone[*]}"
