#!/usr/bin/env bash
# Publishes each Lambda function as a Native AOT `bootstrap` and packs it into a zip per architecture:
#   x86_64 (default): artifacts/<function>.zip        from artifacts/publish/<function>/        (linux-x64)
#   arm64:            artifacts/<function>-arm64.zip  from artifacts/publish/<function>-arm64/  (linux-arm64, Graviton)
# Usage: ./package.sh [--arch x86_64|arm64|both] [alerting|invoker|empty ...]   (default: x86_64; alerting invoker)
# arm64 is cross-compiled on this x64 host with clang, lld and the aarch64 binutils and glibc; a missing piece stops
# here with one line naming the Debian packages (tools/arm64-toolchain.sh).
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

arch=x86_64
functions=()
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    --arch=*) arch="${1#--arch=}"; shift ;;
    *) functions+=("$1"); shift ;;
  esac
done
case "$arch" in
  x86_64|arm64) architectures=("$arch") ;;
  both) architectures=(x86_64 arm64) ;;
  *) echo "package.sh: --arch '$arch' is not one of x86_64, arm64, both" >&2; exit 2 ;;
esac
[ ${#functions[@]} -gt 0 ] || functions=(alerting invoker)
if [ "$arch" != x86_64 ]; then
  tools/arm64-toolchain.sh check build
fi

mkdir -p artifacts
for function in "${functions[@]}"; do
  project=$(project_of "$function")
  [ -f "$project" ] || { echo "package.sh: $project does not exist yet" >&2; exit 1; }
  for architecture in "${architectures[@]}"; do
    if [ "$architecture" = arm64 ]; then
      name="$function-arm64" rid=linux-arm64
      # SysRoot=/ takes the aarch64 glibc and gcc runtime from Debian's cross packages under /usr; the cross objcopy
      # strips the symbols into their own file as it does for x64.
      cross=(-p:SysRoot=/ -p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    else
      name="$function" rid=linux-x64 cross=()
    fi
    out="artifacts/publish/$name"
    rm -rf "$out"
    echo "package.sh: publishing $function (Native AOT, $rid)"
    dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true -p:ContinuousIntegrationBuild=true "${cross[@]}" \
      -o "$out" -nologo -v quiet -warnaserror
    python3 - "$out/bootstrap" "artifacts/$name.zip" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
entry = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
entry.external_attr = 0o100755 << 16
entry.create_system = 3  # Unix, so the mode bits are honoured
entry.compress_type = zipfile.ZIP_DEFLATED
with open(source, "rb") as binary, zipfile.ZipFile(target, "w") as archive:
    archive.writestr(entry, binary.read(), compresslevel=9)
PY
    tools/check-bootstrap.sh --arch "$architecture" "artifacts/$name.zip"
  done
done
