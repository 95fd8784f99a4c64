#!/usr/bin/env bash
# What `mcpsec:verify` adds to a small project's build: paired rounds of `mvn -o -q verify` on a one-config project
# (a copy of maven-plugin/src/it/clean-pass), once with the goal and once with -Dmcpsec.skip=true, in alternating
# order; prints the median of each and of the paired differences.
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

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

build() {
  local s e
  s=$(date +%s%N)
  (cd "$work/project" && mvn -o -q -B -Dmaven.repo.local="$repo" -s "$root/maven-plugin/src/it/settings.xml" \
    verify "$@" >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v a="$s" -v b="$e" 'BEGIN {printf "%.3f", (b-a)/1e9}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "maven: $(mvn -v 2>/dev/null | sed -n 1p)"
build >/dev/null                       # warm the file cache once, not counted
build -Dmcpsec.skip=true >/dev/null
with=(); without=(); diff=()
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then
    w=$(build); o=$(build -Dmcpsec.skip=true)
  else
    o=$(build -Dmcpsec.skip=true); w=$(build)
  fi
  with+=("$w"); without+=("$o")
  diff+=("$(awk -v a="$w" -v b="$o" 'BEGIN {printf "%.3f", a-b}')")
  echo "round $i: with goal $w s, skipped $o s"
done
printf 'with mcpsec:verify     median %s s   runs: %s\n' "$(printf '%s\n' "${with[@]}" | median)" "${with[*]}"
printf 'with -Dmcpsec.skip     median %s s   runs: %s\n' "$(printf '%s\n' "${without[@]}" | median)" "${without[*]}"
printf 'goal adds (paired)     median %s s   runs: %s\n' "$(printf '%s\n' "${diff[@]}" | median)" "${diff[*]}"
