#!/usr/bin/env bash
# Compares, on real inputs, the reports of mcpsec's two ways of compiling the built-in rules: the precompiled
# executable model (what every scan uses) and the DRL compiled at run time (-Dmcpsec.rules.compile=drl, the
# diagnostic switch; see docs/architecture.md "Precompiled built-in rules"). Both must give the same bytes in
# every report format, duration and time stamps aside.
#
# Usage: scripts/compare-rule-paths.sh [OPTIONS] DIR...
#   --cli PATH        what to run: the ./mcpsec launcher of this checkout (default), another launcher or the
#                     release archive's bin/mcpsec, a CLI jar (run as the launcher runs it: java -XX:+UseSerialGC
#                     -XX:TieredStopAtLevel=1 -Xshare:auto -jar JAR) or a release archive (.tar.gz or .zip,
#                     unpacked into the work folder)
#   --formats LIST    comma-separated report formats (default: every format the CLI offers, read from its answer
#                     to an unknown --format)
#   --combined-only   only the run that writes every format at once with --output (one scan per path and DIR);
#                     without it, each format is also written alone to standard output by a scan of its own
#   --scan-arg ARG    an extra argument for every scan (repeatable), e.g. --scan-arg --user
#                     --scan-arg --bundle=examples/org-bundle; relative paths resolve against the current folder
#   --work DIR        work folder (default: a new temporary one, removed at the end unless a difference was found)
#   --keep            keep the work folder
#
# For each DIR (scanned as users scan it: git status and history on unless a --scan-arg turns them off), every
# run is made twice, alternating: once as is, with MCPSEC_JAVA_OPTS="-Dmcpsec.diagnostics=true", whose standard
# error must say "bundle builtin@...: precompiled model"; once with MCPSEC_JAVA_OPTS="-Dmcpsec.diagnostics=true
# -Dmcpsec.rules.compile=drl", whose standard error must say "bundle builtin@...: DRL (forced by ..." and name no
# precompiled bundle. (Any MCPSEC_JAVA_OPTS already set is kept in front of these.) The runs:
#   combined   scan DIR -v --format ALL --output WORK/out: one file per format (-v: the text report also lists
#              clean files and suppressed findings); both paths write to the same folder, moved away after each run
#   FORMAT     scan DIR --format FORMAT, the report on standard output (not with --combined-only)
# Compared, byte for byte after normalising: the exit status, standard output, standard error without the
# "mcpsec diagnostics:" lines, and every file written under --output.
#
# Normalised (only these, and only in the format named; everything else must be equal as written):
#   text       the summary line's "scanned in N ms"                -> "scanned in <duration> ms"
#   json       "durationMs": N (in "summary")                      -> "durationMs": <duration>
#   markdown   the header line's "(mcpsec VERSION, N ms)."          -> "(mcpsec VERSION, <duration> ms)."
#   html       the header's "&middot; N ms &middot; mcpsec"         -> "&middot; <duration> ms &middot; mcpsec"
#   gitlab     "start_time" and "end_time" of "scan" (wall clock)  -> "<time>"
#   junit      the timestamp="..." attribute of each <testsuite>   -> timestamp="<time>"
#   sarif, cyclonedx: nothing (neither holds a duration or a time stamp). A format not listed here is compared
#   as written, so a new format with a time field shows up as a difference until it is added here.
#
# Exit status: 0 every output of every DIR is the same on both paths; 1 a difference (the first differing lines
# are printed: reports and messages are masked by mcpsec, so no secret is shown; the work folder is kept, and the
# precompiled path is run a second time to tell a difference between the paths from a scan that is not
# deterministic); 2 usage error, or a run that could not be checked (no diagnostics line saying which path was
# taken, or a run that failed with an internal error on both paths).
# Needs bash, diff, sed, and Java 17+ (or the archive's runtime). Never touches the network.
set -euo pipefail

usage() { sed -n '2,/^# Needs/p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "compare-rule-paths: $*" >&2; keep=1; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cli=$ROOT/mcpsec
formats=
combined_only=0
work=
keep=0
scan_args=()
dirs=()
while [ $# -gt 0 ]; do
  case $1 in
    --cli) [ $# -ge 2 ] || die "--cli needs a value"; cli=$2; shift 2 ;;
    --cli=*) cli=${1#*=}; shift ;;
    --formats) [ $# -ge 2 ] || die "--formats needs a value"; formats=$2; shift 2 ;;
    --formats=*) formats=${1#*=}; shift ;;
    --combined-only) combined_only=1; shift ;;
    --scan-arg) [ $# -ge 2 ] || die "--scan-arg needs a value"; scan_args+=("$2"); shift 2 ;;
    --scan-arg=*) scan_args+=("${1#*=}"); shift ;;
    --work) [ $# -ge 2 ] || die "--work needs a value"; work=$2; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; dirs+=("$@"); break ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) dirs+=("$1"); shift ;;
  esac
done
[ ${#dirs[@]} -gt 0 ] || die "no DIR given (see --help)"
for d in "${dirs[@]}"; do
  [ -d "$d" ] || die "not a directory: $d"
done

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/mcpsec-compare.XXXXXX")
else
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
  [ -z "$(ls -A "$work")" ] || die "work folder is not empty: $work"
fi
differences=0
finish() {
  if [ "$differences" -eq 0 ] && [ "$keep" -eq 0 ]; then
    rm -rf "$work"
  else
    echo "compare-rule-paths: outputs kept in $work" >&2
  fi
}
trap finish EXIT

# The command that runs mcpsec.
case $cli in
  *.jar)
    [ -f "$cli" ] || die "no such jar: $cli"
    java=java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; fi
    jar=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
    run_cli() {
      # shellcheck disable=SC2086 # MCPSEC_JAVA_OPTS is a list of flags
      "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto $MCPSEC_JAVA_OPTS -jar "$jar" "$@"
    }
    ;;
  *.tar.gz|*.tgz|*.zip)
    [ -f "$cli" ] || die "no such archive: $cli"
    mkdir -p "$work/cli"
    case $cli in
      *.zip) unzip -q "$cli" -d "$work/cli" ;;
      *) tar -xzf "$cli" -C "$work/cli" ;;
    esac
    launcher=$(echo "$work"/cli/*/bin/mcpsec)
    [ -x "$launcher" ] || die "no bin/mcpsec in $cli"
    run_cli() { "$launcher" "$@"; }
    ;;
  *)
    [ -x "$cli" ] || die "not an executable: $cli"
    launcher=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
    run_cli() { "$launcher" "$@"; }
    ;;
esac

# First call: the ./mcpsec launcher builds its jar here if needed, not inside a compared run.
base_opts=${MCPSEC_JAVA_OPTS:-}
version=$(MCPSEC_JAVA_OPTS=$base_opts run_cli --version 2>"$work/version.err") || {
  cat "$work/version.err" >&2
  die "could not run $cli --version"
}
if [ -z "$formats" ]; then
  # An unknown format is a usage error that lists every format the CLI has.
  MCPSEC_JAVA_OPTS=$base_opts run_cli scan --format compare-rule-paths-no-such-format "$work" \
    >/dev/null 2>"$work/formats.err" || true
  formats=$(sed -n 's/.*is not a report format; use one of //p' "$work/formats.err" | tr -d ' \r')
  [ -n "$formats" ] || { cat "$work/formats.err" >&2; die "could not read the list of formats; give --formats"; }
fi
IFS=, read -r -a format_list <<<"$formats"
for f in "${format_list[@]}"; do
  [[ $f =~ ^[a-z0-9-]+$ ]] || die "bad format name: '$f'"
done
runs=(combined)
[ "$combined_only" -eq 1 ] || runs+=("${format_list[@]}")
echo "compare-rule-paths: $version; formats ${formats}; ${#dirs[@]} folder(s); runs per folder and path: ${#runs[@]}"

# normalise FORMAT < report > normalised report (see the header for what and why)
normalise() {
  case $1 in
    text) sed -E 's/^(.* scanned in )[0-9]+( ms)$/\1<duration>\2/' ;;
    json) sed -E 's/^([[:space:]]*"durationMs"[[:space:]]*:[[:space:]]*)[0-9]+([[:space:]]*,?)$/\1<duration>\2/' ;;
    markdown) sed -E 's/^(.* \(mcpsec [^,()]*, )[0-9]+( ms\)\.)$/\1<duration>\2/' ;;
    html) sed -E 's/^(<p class="meta">.* &middot; )[0-9]+( ms &middot; mcpsec .*)$/\1<duration>\2/' ;;
    gitlab) sed -E 's/^([[:space:]]*"(start_time|end_time)"[[:space:]]*:[[:space:]]*")[0-9T:.Z+-]+(",?)$/\1<time>\3/' ;;
    junit) sed -E '/<testsuite /s/ timestamp="[0-9T:.Z+-]+"/ timestamp="<time>"/' ;;
    *) cat ;;
  esac
}

# The format whose file name this is (mcpsec.<ext>, see docs/cli.md).
format_of_file() {
  case $1 in
    *.txt) echo text ;;
    *.cdx.json) echo cyclonedx ;;
    *.gitlab.json) echo gitlab ;;
    *.junit.xml) echo junit ;;
    *.json) echo json ;;
    *.sarif) echo sarif ;;
    *.md) echo markdown ;;
    *.html) echo html ;;
    *) echo other ;;
  esac
}

# scan_once PATH_NAME DEST DIR RUN: one scan into DEST/{rc,stdout,stderr,out/}; PATH_NAME is model or drl
scan_once() {
  local path=$1 dest=$2 dir=$3 run=$4 opts rc=0
  opts="${base_opts:+$base_opts }-Dmcpsec.diagnostics=true"
  [ "$path" = drl ] && opts="$opts -Dmcpsec.rules.compile=drl"
  rm -rf "$work/out" "$dest"
  mkdir -p "$dest"
  local args=(scan "$dir")
  if [ "$run" = combined ]; then
    args+=(-v --format "$formats" --output "$work/out")
  else
    args+=(--format "$run")
  fi
  MCPSEC_JAVA_OPTS=$opts run_cli "${args[@]}" "${scan_args[@]}" >"$dest/stdout.raw" 2>"$dest/stderr.raw" || rc=$?
  echo "$rc" >"$dest/rc"
  [ -d "$work/out" ] && mv "$work/out" "$dest/out"
  # Which path compiled the built-in bundle: the diagnostics say it per bundle.
  local builtin
  builtin=$(sed -n 's/^mcpsec diagnostics: bundle \(builtin@[^:]*\): //p' "$dest/stderr.raw")
  case $path in
    model)
      if [ "$builtin" != "precompiled model" ]; then
        tail -n 5 "$dest/stderr.raw" >&2
        die "$dir ($run): the built-in rules did not come from the precompiled model (diagnostics: '${builtin:-none}', exit $rc)"
      fi
      ;;
    drl)
      if [[ $builtin != "DRL (forced by"* ]] || grep -q '^mcpsec diagnostics: bundle .*: precompiled model' "$dest/stderr.raw"; then
        tail -n 5 "$dest/stderr.raw" >&2
        die "$dir ($run): -Dmcpsec.rules.compile=drl did not compile every bundle from DRL (diagnostics: '${builtin:-none}', exit $rc)"
      fi
      ;;
  esac
  grep -v '^mcpsec diagnostics: ' "$dest/stderr.raw" >"$dest/stderr" || true
  if [ "$run" = combined ]; then
    mv "$dest/stdout.raw" "$dest/stdout"
    local f
    if [ -d "$dest/out" ]; then
      for f in "$dest"/out/*; do
        normalise "$(format_of_file "$f")" <"$f" >"$f.normalised"
        mv "$f.normalised" "$f"
      done
    fi
  else
    normalise "$run" <"$dest/stdout.raw" >"$dest/stdout"
  fi
  rm -f "$dest/stdout.raw" "$dest/stderr.raw"
}

# same A B: 0 when both runs gave the same exit status, standard output, standard error and files
same() { diff -r -q "$1" "$2" >/dev/null; }

show_difference() {
  local a=$1 b=$2 f
  diff -r -q "$a" "$b" 2>&1 | sed "s|$work/||g" | head -n 10 >&2 || true
  for f in rc stdout stderr; do
    if ! cmp -s "$a/$f" "$b/$f"; then
      echo "--- $f (precompiled model) / +++ $f (DRL), first differing lines:" >&2
      diff -u "$a/$f" "$b/$f" | sed -n '3,42p' >&2 || true
    fi
  done
  if [ -d "$a/out" ] || [ -d "$b/out" ]; then
    for f in "$a"/out/* "$b"/out/*; do
      local name=${f##*/}
      if ! cmp -s "$a/out/$name" "$b/out/$name"; then
        echo "--- out/$name (precompiled model) / +++ out/$name (DRL), first differing lines:" >&2
        diff -u "$a/out/$name" "$b/out/$name" 2>&1 | sed -n '3,42p' >&2 || true
        break
      fi
    done
  fi
}

compared=0
turn=0
index=0
failed_both=0
for dir in "${dirs[@]}"; do
  index=$((index + 1))
  abs=$(cd "$dir" && pwd)
  verdict=same
  outputs=0
  for run in "${runs[@]}"; do
    dest=$work/$index/$run
    # alternate which path goes first, so that a warm file cache favours neither
    turn=$((turn + 1))
    if [ $((turn % 2)) -eq 1 ]; then
      scan_once model "$dest/model" "$abs" "$run"
      scan_once drl "$dest/drl" "$abs" "$run"
    else
      scan_once drl "$dest/drl" "$abs" "$run"
      scan_once model "$dest/model" "$abs" "$run"
    fi
    rc=$(cat "$dest/model/rc")
    if [ "$rc" -ge 2 ] && [ "$(cat "$dest/drl/rc")" -ge 2 ]; then
      echo "compare-rule-paths: $abs ($run): both paths exited $rc:" >&2
      sed -n '1,5p' "$dest/model/stderr" >&2
      failed_both=$((failed_both + 1))
    fi
    outputs=$((outputs + 3 + $(find "$dest/model" -path '*/out/*' -type f | wc -l)))
    if ! same "$dest/model" "$dest/drl"; then
      differences=$((differences + 1))
      verdict=DIFFERENT
      echo "compare-rule-paths: DIFFERENCE in $abs, run '$run':" >&2
      show_difference "$dest/model" "$dest/drl"
      scan_once model "$dest/model-again" "$abs" "$run"
      if same "$dest/model" "$dest/model-again"; then
        echo "compare-rule-paths: a second run of the precompiled path gives its first result again: the paths differ" >&2
      else
        echo "compare-rule-paths: a second run of the precompiled path differs from its first: the scan is not deterministic here" >&2
      fi
    fi
  done
  compared=$((compared + outputs))
  echo "$verdict $abs ($outputs outputs compared, exit status $(cat "$work/$index/combined/model/rc"))"
done
echo "compare-rule-paths: ${#dirs[@]} folder(s), $compared outputs (exit status, standard output, standard error, report files) compared per path: $differences difference(s)"
if [ "$differences" -gt 0 ]; then
  exit 1
fi
if [ "$failed_both" -gt 0 ]; then
  echo "compare-rule-paths: $failed_both run(s) failed on both paths: nothing was compared there" >&2
  exit 2
fi
exit 0
