#!/usr/bin/env bash
# Publishes each Lambda function as a Native AOT linux-x64 `bootstrap` and packs it into artifacts/<function>.zip.
# Usage: ./package.sh [alerting|invoker|empty ...]   (default: alerting invoker)
# The zip is deterministic (one entry, fixed timestamp, mode 755), so the same source gives the same bytes and the
# deploy script's content-addressed S3 key does not change when nothing changed.
set -euo pipefail
cd "$(dirname "$0")"

project_of() {
  case "$1" in
    alerting) echo consumer/ServiceNowAlert.Alerting.Function/ServiceNowAlert.Alerting.Function.csproj ;;
    invoker) echo producer/ServiceNowAlert.Invoker.Function/ServiceNowAlert.Invoker.Function.csproj ;;
    empty) echo tools/ServiceNowAlert.EmptyFunction/ServiceNowAlert.EmptyFunction.csproj ;;
    *) echo "package.sh: unknown function '$1' (alerting, invoker, empty)" >&2; return 1 ;;
  esac
}

functions=("$@")
[ ${#functions[@]} -gt 0 ] || functions=(alerting invoker)
mkdir -p artifacts
for function in "${functions[@]}"; do
  project=$(project_of "$function")
  [ -f "$project" ] || { echo "package.sh: $project does not exist yet" >&2; exit 1; }
  out="artifacts/publish/$function"
  rm -rf "$out"
  echo "package.sh: publishing $function (Native AOT, linux-x64)"
  dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -p:ContinuousIntegrationBuild=true \
    -o "$out" -nologo -v quiet -warnaserror
  python3 - "$out/bootstrap" "artifacts/$function.zip" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
entry = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
entry.external_attr = 0o100755 << 16
entry.create_system = 3  # Unix, so the mode bits are honoured
entry.compress_type = zipfile.ZIP_DEFLATED
with open(source, "rb") as binary, zipfile.ZipFile(target, "w") as archive:
    archive.writestr(entry, binary.read(), compresslevel=9)
PY
  tools/check-bootstrap.sh "artifacts/$function.zip"
done
