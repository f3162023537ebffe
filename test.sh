#!/usr/bin/env bash
# The one test command (README.md and .ci/run call exactly this).
# Checks the prerequisites, installs what the tests need on a fresh machine (the npm packages of every tests/*-harness:
# the loopback SMTP server, ajv, html-validate, AWS's CloudFormation resource specification),
# builds everything in Release with warnings as errors, and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

# What the tests start that this script does not install: each tool, then the Debian package that provides it
# (README.md lists the same). A missing one stops here with one line, not as a failed test later.
prerequisites=(
  "dotnet:dotnet-sdk-10.0 (Microsoft's package feed)"
  "node:nodejs (20 or later)"
  "npm:npm"
  "python3:python3"
  "gcc:gcc"
  "readelf:binutils"
  "objdump:binutils"
  "jq:jq"
)
for prerequisite in "${prerequisites[@]}"; do
  tool=${prerequisite%%:*}
  command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing: install the Debian package ${prerequisite#*:}" >&2; exit 1; }
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "test.sh: node $(node --version) is too old: install the Debian package nodejs (20 or later)" >&2; exit 1; }

for harness in tests/*/package.json; do
  [ -e "$harness" ] || continue
  dir=$(dirname "$harness")
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "test.sh: installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done

dotnet build ServiceNowAlert.sln -c Release -warnaserror -nologo -clp:NoSummary

# The Arm64Emulation tests run the arm64 packages under qemu-aarch64: built here when the cross toolchain and qemu are
# installed (.ci/run installs them first); otherwise that category is left out and ONE line says so. A --filter given
# to this script that does not name Arm64 leaves them out too, without the minutes of the arm64 build.
arguments=("$@")
filter_at=""
for i in "${!arguments[@]}"; do
  [ "${arguments[$i]}" != --filter ] || filter_at=$((i + 1))
done
without_arm64() {
  if [ -n "$filter_at" ]; then
    arguments[filter_at]="(${arguments[filter_at]:-})&Category!=Arm64Emulation"
  else
    arguments+=(--filter "Category!=Arm64Emulation")
  fi
}
if [ -n "$filter_at" ] && [[ "${arguments[filter_at]:-}" != *Arm64* ]]; then
  without_arm64
elif missing_arm64=$(tools/arm64-toolchain.sh check all 2>&1); then
  arm64_started=$SECONDS
  ./package.sh --arch arm64 alerting invoker
  echo "test.sh: arm64 packages built in $((SECONDS - arm64_started)) s"
else
  echo "test.sh: the arm64 emulation tests (Category=Arm64Emulation) did not run: $missing_arm64"
  without_arm64
fi

results=$(mktemp -d)
status=0
dotnet test ServiceNowAlert.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "${arguments[@]}" || status=$?

# One plain closing line that any CI reader understands.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
