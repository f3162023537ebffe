#!/usr/bin/env bash
# What an x64 Debian host needs to cross-compile the functions to linux-arm64 Native AOT (build) and to run those
# arm64 bootstraps under user-mode emulation (run), checked by the files each Debian package installs.
# Usage: tools/arm64-toolchain.sh check [build|run|all]   exit 0 if present; else ONE line naming the packages, exit 1
#        tools/arm64-toolchain.sh missing [build|run|all] the missing Debian packages, one a line
#        tools/arm64-toolchain.sh install                 (as root) installs the missing ones; none missing: no apt work
set -euo pipefail

# package|file or command it provides|what it is for
requirements=(
  "clang|clang|build"
  "lld|ld.lld|build"
  "gcc-aarch64-linux-gnu|aarch64-linux-gnu-gcc|build"
  "libc6-dev-arm64-cross|/usr/aarch64-linux-gnu/lib/crt1.o|build"
  "binutils-aarch64-linux-gnu|aarch64-linux-gnu-objcopy|build"
  "qemu-user|qemu-aarch64|run"
  # The arm64 loader and libssl where qemu-aarch64 -L / finds them: the alerting function loads libssl at run time.
  "libssl3:arm64|/usr/lib/aarch64-linux-gnu/libssl.so.3|run"
)

present() {
  case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

missing() {
  local scope="$1" requirement package probe purpose
  for requirement in "${requirements[@]}"; do
    IFS='|' read -r package probe purpose <<<"$requirement"
    if { [ "$scope" = all ] || [ "$scope" = "$purpose" ]; } && ! present "$probe"; then
      echo "$package"
    fi
  done
  if { [ "$scope" = all ] || [ "$scope" = run ]; } && ! present /lib/ld-linux-aarch64.so.1 && present /usr/lib/aarch64-linux-gnu/libssl.so.3; then
    echo "libc6:arm64"
  fi
}

scope_of() {
  case "${1:-all}" in
    build|run|all) echo "${1:-all}" ;;
    *) echo "arm64-toolchain.sh: unknown scope '$1' (build, run, all)" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  check)
    scope=$(scope_of "${2:-}")
    mapfile -t absent < <(missing "$scope")
    if [ "${#absent[@]}" -gt 0 ]; then
      echo "arm64 toolchain: missing ${absent[*]}: install the Debian packages with: dpkg --add-architecture arm64 && apt-get update && apt-get install -y ${absent[*]}" >&2
      exit 1
    fi
    ;;
  missing)
    missing "$(scope_of "${2:-}")"
    ;;
  install)
    mapfile -t absent < <(missing all)
    [ "${#absent[@]}" -gt 0 ] || exit 0
    echo "arm64-toolchain.sh: installing ${absent[*]}"
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
      dpkg --add-architecture arm64
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${absent[@]}"
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
