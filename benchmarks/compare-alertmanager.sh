#!/usr/bin/env bash
# Alert-to-email delivery, Prometheus Alertmanager against `snalert local` (both Native AOT bootstraps), side by side in
# one run against one loopback SMTP sink: alerts/s, CPU per alert, emails and distinct Message-IDs, and the ratios.
# Usage: benchmarks/compare-alertmanager.sh [--alerts N] [--in-flight C] [--concurrency C] [--timeout S]
#        [--only alertmanager|servicenowalert] [--perf-record FILE] [--keep-logs]
# Installs nothing: it checks what it needs and says how to get it. Everything runs on 127.0.0.1 and is stopped and
# removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=0
if ! command -v prometheus-alertmanager >/dev/null; then
  echo "compare-alertmanager: prometheus-alertmanager not found; install it with: sudo apt-get install prometheus-alertmanager" >&2
  missing=1
fi
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "compare-alertmanager: the SMTP sink needs Debian's python3-aiosmtpd; install it with: sudo apt-get install python3-aiosmtpd" >&2
  missing=1
fi
for function in alerting invoker; do
  if [ ! -x "artifacts/publish/$function/bootstrap" ]; then
    echo "compare-alertmanager: artifacts/publish/$function/bootstrap not found; run ./package.sh first" >&2
    missing=1
  fi
done
[ "$missing" = 0 ] || exit 2

dotnet build tools/ServiceNowAlert.Cli -c Release -nologo -v quiet >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(prometheus-alertmanager --version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%MZ)"
exec /usr/bin/python3 benchmarks/compare-alertmanager.py "$@"
