#!/usr/bin/env bash
# Checks a function zip the way provided.al2023 will treat it: exactly one entry `bootstrap`, mode 755, an x86-64 ELF
# executable that needs no glibc symbol newer than 2.34 (Amazon Linux 2023's glibc; a newer one does not start there).
# Usage: tools/check-bootstrap.sh artifacts/<function>.zip
set -euo pipefail
zip=${1:?usage: tools/check-bootstrap.sh <function.zip>}
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
grep -q "Machine:.*X86-64" <<<"$header" || fail "bootstrap is not x86-64"
grep -q "Type:.*\(EXEC\|DYN\)" <<<"$header" || fail "bootstrap is not an executable"

newest=$(objdump -T "$work/bootstrap" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$max_glibc" | sort -V | tail -1)" != "$max_glibc" ]; then
  fail "bootstrap needs GLIBC_$newest, newer than Amazon Linux 2023's $max_glibc"
fi
echo "check-bootstrap: $zip ok (bootstrap 755, ELF64 x86-64, newest glibc symbol ${newest:-none} <= $max_glibc, $(stat -c %s "$zip") bytes)"
