#!/usr/bin/python3
"""Alert-to-email delivery, Prometheus Alertmanager against `snalert local`, side by side in one run.

Run through benchmarks/compare-alertmanager.sh, which checks the prerequisites first.
Usage: compare-alertmanager.py [--alerts N] [--in-flight C] [--concurrency C] [--timeout S] [--only SYSTEM] [--perf-record FILE] [--keep-logs]

One loopback SMTP sink (smtp-sink.py) serves both. Each system gets a few warm-up alerts, then the same N distinct
alerts, C requests in flight: Alertmanager through POST /api/v2/alerts (one alert a request, one email an alert),
ours as CloudWatch alarm events to the invoker's Invoke URL. The systems run one after the other, each alone.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # procstat is imported from the source tree; leave no __pycache__ there
from procstat import children, cpu_seconds  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WARM_UP = 4
AM_RECIPIENT = "alertmanager@bench.local"
OURS_RECIPIENT = "snalert@bench.local"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise TimeoutError(f"wait for {what}: not within {timeout:.0f} s")


def http_ready(port, path):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", path)
        return connection.getresponse().status == 200
    except OSError:
        return False


class Sink:
    """The shared SMTP sink and what it has received, per recipient."""

    def __init__(self, work):
        self.port = free_port()
        self.log = os.path.join(work, "sink.log")
        open(self.log, "w").close()
        self.process = subprocess.Popen(["/usr/bin/python3", os.path.join(ROOT, "benchmarks", "smtp-sink.py"), str(self.port), self.log],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("start the SMTP sink: it did not say ready (is python3-aiosmtpd installed?)")

    def received(self, recipient, since):
        with open(self.log) as log:
            rows = [line.split(" ", 2) for line in log.read().splitlines()]
        return [(float(at), message_id) for at, to, message_id in rows if to == recipient and float(at) >= since]


class Alertmanager:
    name = "Alertmanager"
    recipient = AM_RECIPIENT

    def __init__(self, work, sink):
        self.port = free_port()
        config = os.path.join(work, "alertmanager.yml")
        with open(config, "w") as file:
            file.write(f"""global:
  smtp_smarthost: '127.0.0.1:{sink.port}'
  smtp_from: 'alertmanager@bench.local'
  smtp_hello: 'localhost'
  smtp_require_tls: false
route:
  receiver: email
  group_by: ['...']
  group_wait: 0s
  group_interval: 1h
  repeat_interval: 24h
receivers:
  - name: email
    email_configs:
      - to: '{AM_RECIPIENT}'
        send_resolved: false
""")
        self.log = open(os.path.join(work, "alertmanager.log"), "w")
        self.process = subprocess.Popen(
            ["prometheus-alertmanager", f"--config.file={config}", f"--storage.path={os.path.join(work, 'am-data')}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--cluster.listen-address=", "--log.level=warn"],
            stdout=self.log, stderr=subprocess.STDOUT)
        wait_until(lambda: http_ready(self.port, "/-/ready"), 60, "Alertmanager to be ready")

    def pids(self):
        return [self.process.pid]

    def send(self, connection, run, number):
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        alert = [{"labels": {"alertname": "BenchAlert", "instance": f"host-{run}-{number}", "severity": "critical"},
                  "annotations": {"summary": f"bench alert {number} of run {run}"}, "startsAt": now}]
        connection.request("POST", "/api/v2/alerts", body=json.dumps(alert), headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status == 200

    def stop(self):
        stop(self.process)
        self.log.close()


class SnalertLocal:
    name = "ServiceNowAlert"
    recipient = OURS_RECIPIENT

    def __init__(self, work, sink, concurrency):
        self.port = free_port()
        routes = os.path.join(work, "routes.json")
        with open(routes, "w") as file:
            json.dump({"defaultRoute": "bench", "routes": [{"name": "bench", "from": "ServiceNowAlert <alerts@bench.local>", "to": [OURS_RECIPIENT]}]}, file)
        self.log = open(os.path.join(work, "snalert.log"), "w+")
        self.process = subprocess.Popen(
            ["dotnet", os.path.join(ROOT, "tools", "ServiceNowAlert.Cli", "bin", "Release", "net10.0", "snalert.dll"), "local",
             "--port", str(self.port), "--smtp", f"127.0.0.1:{sink.port}", "--tls", "none", "--routes", routes,
             "--concurrency", str(concurrency),
             "--alerting", os.path.join(ROOT, "artifacts", "publish", "alerting", "bootstrap"),
             "--invoker", os.path.join(ROOT, "artifacts", "publish", "invoker", "bootstrap")],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        self.functions = []

        def started():
            self.log.seek(0)
            return "Invoke API at" in self.log.read()

        wait_until(started, 60, "snalert local to print its endpoint")
        with open(os.path.join(ROOT, "samples", "events", "cloudwatch-alarm-single-metric.json")) as sample:
            self.event = json.load(sample)

    def pids(self):
        # The function processes only: the emulator (the snalert process) stands in for the Lambda service.
        self.functions = sorted(set(self.functions) | set(children(self.process.pid)))
        return self.functions

    def send(self, connection, run, number):
        event = json.loads(json.dumps(self.event))
        name = f"BenchAlarm-{run}-{number}"
        event["id"] = f"{run}-{number}"
        event["resources"] = [f"arn:aws:cloudwatch:us-east-1:123456789012:alarm:{name}"]
        event["detail"]["alarmName"] = name
        connection.request("POST", "/2015-03-31/functions/servicenowalert-invoker/invocations", body=json.dumps(event))
        response = connection.getresponse()
        response.read()
        return response.status == 200 and response.getheader("X-Amz-Function-Error") is None

    def stop(self):
        functions = self.pids()
        stop(self.process, signal.SIGINT)
        for pid in functions:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.log.close()


def stop(process, first=signal.SIGTERM):
    if process.poll() is None:
        process.send_signal(first)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def send_all(system, port, run, numbers, in_flight):
    """Sends the alerts numbered `numbers`, `in_flight` requests at a time, each sender on one kept-alive connection."""
    pending = list(numbers)
    lock = threading.Lock()
    failures = []

    def sender():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if not pending:
                    return
                number = pending.pop(0)
            if not system.send(connection, run, number):
                failures.append(number)

    threads = [threading.Thread(target=sender) for _ in range(in_flight)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def measure(system, sink, alerts, in_flight, timeout, run, perf_record=None):
    warm_since = time.time()
    send_all(system, system.port, f"{run}-warm", range(WARM_UP), in_flight)
    wait_until(lambda: len(sink.received(system.recipient, warm_since)) >= WARM_UP, 60, f"{system.name}'s warm-up emails")
    time.sleep(0.5)
    pids = system.pids()
    cpu_before = {pid: cpu_seconds(pid) for pid in pids}
    sink_before = cpu_seconds(sink.process.pid)
    host_before = cpu_seconds(system.process.pid)
    # perf samples the delivering processes' own CPU (cpu-clock: hardware counters are often missing on VMs), with
    # frame-pointer call chains, which both Go and .NET Native AOT keep.
    recorder = None if perf_record is None else subprocess.Popen(
        ["perf", "record", "-q", "-e", "cpu-clock", "-F", "4999", "-g", "-o", perf_record, "-p", ",".join(str(pid) for pid in pids)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if recorder:
        time.sleep(0.5)
    started = time.time()
    failures = send_all(system, system.port, run, range(alerts), in_flight)
    try:
        wait_until(lambda: len(sink.received(system.recipient, started)) >= alerts - len(failures), timeout, f"{system.name}'s {alerts} emails")
    except TimeoutError as timed_out:
        print(f"{system.name}: {timed_out}", file=sys.stderr)
    if recorder:
        recorder.send_signal(signal.SIGINT)
        recorder.wait(60)
    emails = sink.received(system.recipient, started)
    pids = system.pids()
    cpu = sum(cpu_seconds(pid) - cpu_before.get(pid, 0.0) for pid in pids)
    last = max((at for at, _ in emails), default=time.time())
    return {
        "alerts/s": len(emails) / (last - started),
        "cpu ms/alert": cpu * 1000 / alerts,
        "emails": len(emails),
        "message ids": len({message_id for _, message_id in emails if message_id != "-"}),
        "failed requests": len(failures),
        "processes": len(pids),
        "sink cpu ms/email": (cpu_seconds(sink.process.pid) - sink_before) * 1000 / max(len(emails), 1),
        "host cpu ms/alert": None if system.process.pid in pids else (cpu_seconds(system.process.pid) - host_before) * 1000 / alerts,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alerts", type=int, default=500)
    parser.add_argument("--in-flight", type=int, default=2, help="requests in flight to each system (default 2)")
    parser.add_argument("--concurrency", type=int, default=2, help="snalert local --concurrency (default 2)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for each system's emails")
    parser.add_argument("--only", choices=["alertmanager", "servicenowalert"], help="measure one system (with --perf-record)")
    parser.add_argument("--perf-record", metavar="FILE", help="perf record the measured system's delivering processes into FILE "
                        "(FILE.alertmanager / FILE.servicenowalert); read it with benchmarks/perf-breakdown.py")
    parser.add_argument("--keep-logs", action="store_true", help="keep the work folder (the sink's, Alertmanager's and "
                        "snalert local's logs, with the functions' own log lines) and print where it is")
    options = parser.parse_args()
    if not 1 <= options.alerts <= 100000:
        parser.error("--alerts must be between 1 and 100000")

    work = tempfile.mkdtemp(prefix="compare-alertmanager-")
    run = f"{int(time.time())}"
    sink = None
    results = {}
    try:
        sink = Sink(work)
        makers = {"alertmanager": lambda: Alertmanager(work, sink), "servicenowalert": lambda: SnalertLocal(work, sink, options.concurrency)}
        for key, make in makers.items():
            if options.only and options.only != key:
                continue
            system = make()
            try:
                record = None if options.perf_record is None else os.path.abspath(f"{options.perf_record}.{key}")
                results[system.name] = measure(system, sink, options.alerts, options.in_flight, options.timeout, run, record)
            finally:
                system.stop()
    except Exception as failure:
        print(f"compare-alertmanager: {failure} (logs in {work})", file=sys.stderr)
        if sink:
            stop(sink.process)
        return 1
    stop(sink.process)
    if options.keep_logs:
        print(f"compare-alertmanager: logs kept in {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{options.alerts} alerts, {options.in_flight} in flight, snalert local --concurrency {options.concurrency}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if len(results) == 1:
        (name, only), = results.items()
        for key, value in only.items():
            print(f"{name} {key}: {'–' if value is None else round(value, 2)}")
        return 0 if only["message ids"] == options.alerts else 3
    am, ours = results["Alertmanager"], results["ServiceNowAlert"]
    print("| | Alertmanager | ServiceNowAlert | ServiceNowAlert / Alertmanager |")
    print("| --- | ---: | ---: | ---: |")
    for key, digits in [("alerts/s", 0), ("cpu ms/alert", 2), ("emails", 0), ("message ids", 0), ("failed requests", 0),
                        ("processes", 0), ("sink cpu ms/email", 2), ("host cpu ms/alert", 2)]:
        def shown(value):
            return "–" if value is None else f"{value:.{digits}f}"
        ratio = f"{ours[key] / am[key]:.2f}" if key in ("alerts/s", "cpu ms/alert") and am[key] else ""
        print(f"| {key} | {shown(am[key])} | {shown(ours[key])} | {ratio} |")
    return 0 if all(r["message ids"] == options.alerts for r in results.values()) else 3


if __name__ == "__main__":
    sys.exit(main())
