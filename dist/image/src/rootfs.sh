#!/bin/sh
# Lays out the container image's file system (no base image: `scratch`): the release image under /opt/mcpsec, the
# POSIX shell the launcher runs in (/bin/sh) and every shared library that it and the runtime's binaries load, as
# ldd resolves them on the build machine, each at the same path; an empty /src (the working directory, where the
# project is mounted) and /tmp.
# Usage: rootfs.sh RELEASE_IMAGE_DIR ROOTFS_DIR
set -eu
image=$1
rootfs=$2
rm -rf "$rootfs"
mkdir -p "$rootfs/opt" "$rootfs/bin" "$rootfs/src" "$rootfs/tmp" "$rootfs/etc"
cp -a "$image" "$rootfs/opt/mcpsec"
cp -L /bin/sh "$rootfs/bin/sh"
# the JVM asks for the user's name and home; root's entry answers it
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\n' > "$rootfs/etc/group"
libs=$rootfs.libs
: > "$libs"
for f in "$rootfs/bin/sh" "$rootfs/opt/mcpsec/runtime/bin/java" $(find "$rootfs/opt/mcpsec/runtime" -name '*.so' -type f); do
  # lines "name => /path (addr)" and "/path (addr)"; the libraries of the runtime itself are already in place
  ldd "$f" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' >> "$libs"
done
sort -u "$libs" | while read -r lib; do
  case $lib in "$rootfs"/*) continue ;; esac
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
rm -f "$libs"
n=$(find "$rootfs" -path "$rootfs/opt" -prune -o -name '*.so*' -type f -print | wc -l)
[ "$n" -gt 0 ] || { echo "rootfs.sh: ldd found no shared libraries to copy" >&2; exit 1; }
echo "rootfs.sh: $rootfs holds the release image, /bin/sh and $n shared libraries"
