#!/usr/bin/env bash
# The one test command (README.md and .ci/run call exactly this).
# Installs what the tests need on a fresh machine (npm packages for the loopback SMTP server),
# builds everything in Release with warnings as errors, and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

for harness in tests/*/package.json; do
  [ -e "$harness" ] || continue
  dir=$(dirname "$harness")
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "test.sh: installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done

dotnet build ServiceNowAlert.sln -c Release -warnaserror -nologo -clp:NoSummary

results=$(mktemp -d)
status=0
dotnet test ServiceNowAlert.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

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
