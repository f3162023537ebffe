#!/usr/bin/env bash
# Cold start, warm round trip and peak RSS of every function, AOT and JIT side by side in one run, under the local
# Lambda emulator. Usage: benchmarks/coldstart.sh [cold-runs=20] [warm-invocations=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
cold=${1:-20}
warm=${2:-2000}

functions=(empty)
[ -f consumer/ServiceNowAlert.Alerting.Function/ServiceNowAlert.Alerting.Function.csproj ] && functions+=(alerting)
[ -f producer/ServiceNowAlert.Invoker.Function/ServiceNowAlert.Invoker.Function.csproj ] && functions+=(invoker)
./package.sh "${functions[@]}" >/dev/null
dotnet build benchmarks/ServiceNowAlert.ColdStart -c Release -nologo -v quiet >/dev/null

variants=()
for function in "${functions[@]}"; do
  case "$function" in
    empty) project=tools/ServiceNowAlert.EmptyFunction; spec="" ;;
    # The alerting function writes to an outbox (no relay needed); the invoker gets a Logs control message, which it
    # answers without calling anything, so its own cold start is measured and not the target's.
    alerting) project=consumer/ServiceNowAlert.Alerting.Function; spec=";benchmarks/payloads/alerting.json;SNALERT_OUTBOX_DIR=$(mktemp -d);SNALERT_ROUTES_FILE=$PWD/samples/routes/routes.json;SNALERT_REPEAT_INTERVAL_SECONDS=0" ;;
    invoker) project=producer/ServiceNowAlert.Invoker.Function; spec=";benchmarks/payloads/invoker.json;SNALERT_TARGET_FUNCTION_ARN=arn:aws:lambda:us-east-1:111111111111:function:servicenowalert-alerting:live" ;;
  esac
  dotnet build "$project" -c Release -nologo -v quiet >/dev/null
  variants+=("$function-aot=artifacts/publish/$function/bootstrap$spec" "$function-jit=$project/bin/Release/net10.0/bootstrap.dll$spec")
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version)"
dotnet benchmarks/ServiceNowAlert.ColdStart/bin/Release/net10.0/ServiceNowAlert.ColdStart.dll "$cold" "$warm" "${variants[@]}"
