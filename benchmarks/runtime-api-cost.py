#!/usr/bin/env python3
"""CPU per invocation of one Native AOT bootstrap under different Runtime API servers, side by side in one run.

Usage: benchmarks/runtime-api-cost.py [--invocations N] [--rounds R] [--bootstrap PATH] [--pace-us U] [label=lambda-emulator.dll ...]

Variants, interleaved round by round so that background load falls on each alike:
  minimal   a Runtime API of a few lines here: /next and /response only, keep-alive, TCP_NODELAY, one write per
            response, the next invocation ready as soon as the previous response is in;
  paced     the same minimal Runtime API, but each invocation is handed over only when a client in this process asks
            for it, --pace-us after the previous response came back (default 100 µs, which paces it near the
            emulator's rate on a 2-core host): the function waits in its long poll every time, as it does under the
            emulator and under Lambda, where invocations arrive from callers;
  <label>   the project's emulator (tools/ServiceNowAlert.LambdaEmulator, run as `dotnet <dll> <config>`), driven
            through its Invoke API by one keep-alive client, one invocation at a time.
Measured: the function process's own CPU (utime+stime from /proc/<pid>/stat) over N warm invocations, and, for the
emulator, the emulator's CPU too. The client and the minimal server run in this process and are not counted.
"""
import argparse
import http.client
import json
import os
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # procstat is imported from the source tree; leave no __pycache__ there
from procstat import children, cpu_seconds  # noqa: E402

PAYLOAD = b'"ping"'
WARM_UP = 200


def function_environment(port):
    environment = dict(os.environ)
    environment.update({
        "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{port}",
        "AWS_LAMBDA_FUNCTION_NAME": "empty",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "DOTNET_GCTotalPhysicalMemory": format(256 * 1024 * 1024, "x"),
        "AWS_LAMBDA_LOG_FORMAT": "JSON",
        "AWS_REGION": "us-east-1",
        "_HANDLER": "bootstrap",
    })
    return environment


class MinimalRuntimeApi(socketserver.ThreadingTCPServer):
    """Hands out `total` invocations back to back and records when the last response came in."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, total, paced=False):
        super().__init__(("127.0.0.1", 0), MinimalRuntimeHandler)
        self.total = total
        # Paced: /next waits for the client's turn (a semaphore released once per invocation the client asks for).
        self.turns = threading.Semaphore(0) if paced else None
        self.answers = threading.Semaphore(0)
        self.handed_out = 0
        self.answered = 0
        self.lock = threading.Lock()
        self.marks = {}
        self.done = threading.Event()


class MinimalRuntimeHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        server = self.server
        while True:
            request_line = self.rfile.readline()
            if not request_line:
                return
            length = 0
            while (line := self.rfile.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                self.rfile.read(length)
            method, path = request_line.split()[:2]
            if method == b"GET" and path.endswith(b"/invocation/next"):
                with server.lock:
                    server.handed_out += 1
                    number = server.handed_out
                if number > server.total:
                    server.done.wait()
                    return
                if server.turns is not None:
                    server.turns.acquire()
                self.connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Lambda-Runtime-Aws-Request-Id: req-%d\r\nLambda-Runtime-Deadline-Ms: %d\r\n"
                    b"Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:empty\r\n"
                    b"Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (number, int(time.time() * 1000) + 30000, len(PAYLOAD), PAYLOAD))
            else:
                self.connection.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n")
                with server.lock:
                    server.answered += 1
                    answered = server.answered
                if answered in server.marks:
                    server.marks[answered].set()
                server.answers.release()


def run_minimal(bootstrap, invocations, paced=False, pause=0.0):
    server = MinimalRuntimeApi(WARM_UP + invocations, paced)
    warm, finished = threading.Event(), threading.Event()
    server.marks = {WARM_UP: warm, WARM_UP + invocations: finished}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    process = subprocess.Popen([bootstrap], env=function_environment(server.server_address[1]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if paced:
        threading.Thread(target=pace, args=(server, WARM_UP + invocations, pause), daemon=True).start()
    try:
        if not warm.wait(120):
            raise RuntimeError("minimal: the function did not finish its warm-up")
        before, started = cpu_seconds(process.pid), time.perf_counter()
        if not finished.wait(600):
            raise RuntimeError("minimal: the function did not finish")
        return cpu_seconds(process.pid) - before, time.perf_counter() - started, None
    finally:
        server.done.set()
        process.kill()
        process.wait()
        server.shutdown()
        server.server_close()


def pace(server, total, pause):
    """The client of the paced variant: one invocation at a time, the next one `pause` seconds after the previous answer."""
    for _ in range(total):
        server.turns.release()
        if not server.answers.acquire(timeout=120):
            return
        time.sleep(pause)


def run_emulator(dll, bootstrap, invocations):
    work = tempfile.mkdtemp(prefix="runtime-api-cost-")
    config = os.path.join(work, "emulator.json")
    with open(config, "w") as file:
        # Every member spelled out: emulators built before 2026-12-06 read a missing one as null or 0.
        json.dump({"port": 0, "functions": [{"name": "empty", "fileName": bootstrap, "arguments": [], "environment": {}, "timeoutSeconds": 30, "memoryMb": 256, "concurrency": 1}]}, file)
    log = open(os.path.join(work, "emulator.log"), "w+")
    emulator = subprocess.Popen(["dotnet", dll, config], stdout=log, stderr=subprocess.STDOUT)
    try:
        port = None
        for _ in range(600):
            log.seek(0)
            text = log.read()
            if "Invoke API at http://127.0.0.1:" in text:
                port = int(text.split("Invoke API at http://127.0.0.1:")[1].split("/")[0])
                break
            time.sleep(0.1)
        if port is None:
            raise RuntimeError(f"{dll}: no endpoint printed")
        client = http.client.HTTPConnection("127.0.0.1", port)

        def invoke():
            client.request("POST", "/2015-03-31/functions/empty/invocations", body=PAYLOAD)
            response = client.getresponse()
            body = response.read()
            if response.status != 200 or body != PAYLOAD:
                raise RuntimeError(f"{dll}: invoke answered {response.status} {body[:200]!r}")

        for _ in range(WARM_UP):
            invoke()
        function = children(emulator.pid)[0]
        before, emulator_before, started = cpu_seconds(function), cpu_seconds(emulator.pid), time.perf_counter()
        for _ in range(invocations):
            invoke()
        elapsed = time.perf_counter() - started
        return cpu_seconds(function) - before, elapsed, cpu_seconds(emulator.pid) - emulator_before
    finally:
        emulator.terminate()
        try:
            emulator.wait(10)
        except subprocess.TimeoutExpired:
            emulator.kill()
            emulator.wait()
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invocations", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bootstrap", default="artifacts/publish/empty/bootstrap")
    parser.add_argument("--pace-us", type=float, default=100, help="the paced client's pause between invocations")
    parser.add_argument("emulators", nargs="*", help="label=path/to/lambda-emulator.dll")
    options = parser.parse_args()
    bootstrap = os.path.abspath(options.bootstrap)
    emulators = [tuple(item.split("=", 1)) for item in options.emulators] or \
        [("emulator", "tools/ServiceNowAlert.LambdaEmulator/bin/Release/net10.0/lambda-emulator.dll")]
    results = {label: [] for label in ["minimal", "paced"] + [label for label, _ in emulators]}
    for _ in range(options.rounds):
        results["minimal"].append(run_minimal(bootstrap, options.invocations))
        results["paced"].append(run_minimal(bootstrap, options.invocations, paced=True, pause=options.pace_us / 1e6))
        for label, dll in emulators:
            results[label].append(run_emulator(os.path.abspath(dll), bootstrap, options.invocations))
    print(f"{options.invocations} warm sequential invocations of {options.bootstrap}, {options.rounds} rounds; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| Runtime API | function CPU per invocation (ms), median [min–max] | invocations/s (median) | server CPU per invocation (ms) |")
    print("| --- | ---: | ---: | ---: |")
    for label, runs in results.items():
        per = [cpu / options.invocations * 1000 for cpu, _, _ in runs]
        rate = statistics.median(options.invocations / elapsed for _, elapsed, _ in runs)
        server = "not counted" if runs[0][2] is None else f"{statistics.median(s for _, _, s in runs) / options.invocations * 1000:.2f}"
        print(f"| {label} | {statistics.median(per):.3f} [{min(per):.3f}–{max(per):.3f}] | {rate:.0f} | {server} |")


if __name__ == "__main__":
    sys.exit(main())
