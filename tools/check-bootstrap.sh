#!/usr/bin/env bash
# Checks a function zip the way provided.al2023 will treat it: exactly one entry `bootstrap`, mode 755, an ELF
# executable for the function's architecture (x86-64, or AArch64 for arm64) that needs no glibc symbol newer than 2.34
# (Amazon Linux 2023's glibc on both architectures; a newer one does not start there).
# Usage: tools/check-bootstrap.sh [--arch x86_64|arm64] artifacts/<function>.zip   (default: x86_64)
set -euo pipefail
arch=x86_64
case "${1:-}" in
  --arch) arch="${2:-}"; shift 2 || shift $# ;;
  --arch=*) arch="${1#--arch=}"; shift ;;
esac
case "$arch" in
  x86_64) machine="X86-64" ;;
  arm64) machine="AArch64" ;;
  *) echo "check-bootstrap: --arch '$arch' is not x86_64 or arm64" >&2; exit 2 ;;
esac
zip=${1:?usage: tools/check-bootstrap.sh [--arch x86_64|arm64] <function.zip>}
max_glibc=2.34
fail() { echo "check-bootstrap: $zip: $*" >&2; exit 1; }

entries=$(python3 -c 'import sys, zipfile; print("\n".join(f"{i.filename} {i.external_attr >> 16:o}" for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$zip")
[ "$(wc -l <<<"$entries")" -eq 1 ] || fail "expected one entry, found: $(tr '\n' ' ' <<<"$entries")"
[ "$entries" = "bootstrap 100755" ] || fail "expected 'bootstrap' with mode 100755, found '$entries'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("bootstrap", sys.argv[2])' "$zip" "$work"
header=$(readelf -h "$work/bootstrap" 2>/dev/null) || fail "bootstrap is not an ELF file"
grep -q "Class:.*ELF64" <<<"$header" || fail "bootstrap is not ELF64"
grep -q "Machine:.*$machine" <<<"$header" || fail "bootstrap is not $machine ($arch): $(sed -n 's/^ *Machine: *//p' <<<"$header")"
grep -q "Type:.*\(EXEC\|DYN\)" <<<"$header" || fail "bootstrap is not an executable"

newest=$(objdump -T "$work/bootstrap" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$max_glibc" | sort -V | tail -1)" != "$max_glibc" ]; then
  fail "bootstrap needs GLIBC_$newest, newer than Amazon Linux 2023's $max_glibc"
fi
echo "check-bootstrap: $zip ok (bootstrap 755, ELF64 $machine, newest glibc symbol ${newest:-none} <= $max_glibc, $(stat -c %s "$zip") bytes)"
