#!/usr/bin/env bash
# Fuzz one target with AFL++ for a given time: ./fuzz/run.sh <reader|...> [seconds=300]
# Installs AFL++ (Debian) and the SharpFuzz instrumenter (dotnet tool manifest) when missing, instruments the
# assemblies under test, seeds from fuzz/corpus/<target>/, and copies any crash into fuzz/crashes/<target>/ where
# tests/ServiceNowAlert.Fuzz.Tests replays it as a regression test on every CI run.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh <target> [seconds]}
seconds=${2:-300}

if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz: installing afl++"
  (apt-get update -qq && apt-get install -y -qq afl++) >/dev/null
fi
dotnet tool restore >/dev/null

out=artifacts/fuzz
rm -rf "${out:?}/bin" "${out:?}/findings/${target:?}"
mkdir -p "$out/findings"
dotnet publish fuzz/ServiceNowAlert.Fuzz -c Release -o "$out/bin" -nologo -v quiet
# Only the assemblies under test are instrumented; the harness and the BCL are not.
for assembly in "$out"/bin/ServiceNowAlert.*.dll; do
  case "$assembly" in *ServiceNowAlert.Fuzz.dll) continue ;; esac
  dotnet sharpfuzz "$assembly" >/dev/null
done

AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
  afl-fuzz -V "$seconds" -i "fuzz/corpus/$target" -o "$out/findings/$target" -t 5000 -m none \
  -- dotnet "$out/bin/ServiceNowAlert.Fuzz.dll" "$target" || true

stats="$out/findings/$target/default/fuzzer_stats"
[ -f "$stats" ] && grep -E "^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) " "$stats"
mkdir -p "fuzz/crashes/$target"
found=0
for crash in "$out/findings/$target"/default/crashes/id:*; do
  [ -e "$crash" ] || continue
  cp "$crash" "fuzz/crashes/$target/$(sha256sum "$crash" | cut -c1-16)"
  found=$((found + 1))
done
echo "fuzz: $target ran ${seconds}s, $found crash(es) copied to fuzz/crashes/$target/"
