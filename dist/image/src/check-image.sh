#!/bin/sh
# Checks the container image without a container runtime: unpacks the image tar's layers in order into a fresh root
# file system, copies the leaky demo to its working directory (as `docker run -v $PWD:/src` mounts it), mounts /proc
# and runs the image's entry point there in a chroot with `scan . --format json`. Expects exit 1 and the same rule ids
# the release image's own launcher reports on the same files, a clean JSON document on standard output, and the
# start-up archive in use (the JVM is told to fail without it). Needs root (chroot, mount).
# Usage: check-image.sh IMAGE.tar LEAKY_DEMO_DIR RELEASE_LAUNCHER WORK_DIR
set -eu
tarball=$1
demo=$2
launcher=$3
work=$4
fail() { echo "check-image: $*" >&2; exit 1; }
case $launcher in /*) ;; *) launcher=$PWD/$launcher ;; esac
[ "$(id -u)" -eq 0 ] || fail "needs root for chroot and mount"
if [ -d "$work/rootfs/proc" ]; then umount "$work/rootfs/proc" 2>/dev/null || true; fi
rm -rf "$work"
mkdir -p "$work/tar" "$work/rootfs"
tar -xf "$tarball" -C "$work/tar"
manifest=$work/tar/manifest.json
[ -f "$manifest" ] || fail "$tarball has no manifest.json"
# manifest.json: [{"config":"config.json","repoTags":[...],"layers":["<digest>.tar.gz",...]}] (one line)
layers=$(tr -d '\n' < "$manifest" | sed -n 's/.*"[Ll]ayers" *: *\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | tr -d '" ')
[ -n "$layers" ] || fail "no layers in $manifest"
n=0
for layer in $layers; do
  # GNU tar: Jib's layers carry libarchive's creation-time headers, which it does not know and need not
  tar --warning=no-unknown-keyword -xzf "$work/tar/$layer" -C "$work/rootfs"
  n=$((n + 1))
done
config=$work/tar/$(tr -d '\n' < "$manifest" | sed -n 's/.*"[Cc]onfig" *: *"\([^"]*\)".*/\1/p')
entrypoint=$(tr -d '\n' < "$config" | sed -n 's/.*"Entrypoint" *: *\["\([^"]*\)"\].*/\1/p')
workdir=$(tr -d '\n' < "$config" | sed -n 's/.*"WorkingDir" *: *"\([^"]*\)".*/\1/p')
[ "$entrypoint" = /opt/mcpsec/bin/mcpsec ] || fail "entry point is '$entrypoint', expected /opt/mcpsec/bin/mcpsec"
[ "$workdir" = /src ] || fail "working directory is '$workdir', expected /src"
[ -x "$work/rootfs$entrypoint" ] || fail "the entry point $entrypoint is not an executable file in the image"

cp -R "$demo/." "$work/rootfs$workdir/"
if [ -f "$work/rootfs/opt/mcpsec/lib/mcpsec.aot" ]; then share=-XX:AOTMode=on; else share=-Xshare:on; fi
mkdir -p "$work/rootfs/proc"
mount -t proc proc "$work/rootfs/proc" || fail "cannot mount /proc in $work/rootfs"
set +e
MCPSEC_JAVA_OPTS=$share chroot "$work/rootfs" /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$workdir" "$entrypoint" \
  scan . --format json > "$work/image.json" 2> "$work/image.err"
status=$?
set -e
umount "$work/rootfs/proc"
# the same files scanned by the release image's launcher, outside the container
mkdir -p "$work/host"
cp -R "$demo/." "$work/host/"
set +e
(cd "$work/host" && "$launcher" scan . --format json) > "$work/host.json" 2> "$work/host.err"
host=$?
set -e
if [ "$host" -ne 1 ]; then
  cat "$work/host.err" >&2
  fail "the release launcher $launcher exited $host on the leaky demo, expected 1"
fi
if [ "$status" -ne 1 ]; then
  cat "$work/image.err" >&2
  fail "the image's entry point exited $status on the leaky demo, expected 1"
fi
first=$(head -c 1 "$work/image.json")
last=$(tail -n 1 "$work/image.json")
[ "$first" = "{" ] && [ "$last" = "}" ] || fail "standard output is not one JSON document (see $work/image.json)"
grep -o '"ruleId" *: *"[^"]*"' "$work/image.json" | sort > "$work/image.rules"
grep -o '"ruleId" *: *"[^"]*"' "$work/host.json" | sort > "$work/host.rules"
[ -s "$work/image.rules" ] || fail "no findings from the image (see $work/image.json)"
cmp -s "$work/image.rules" "$work/host.rules" || fail "the image's findings differ from the release launcher's: diff $work/image.rules $work/host.rules"
echo "check-image: $(basename "$tarball") ($n layers) runs $entrypoint in $workdir: leaky demo exit 1, $(wc -l < "$work/image.rules") findings as outside the container, start-up archive in use"
