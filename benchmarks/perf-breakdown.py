#!/usr/bin/python3
"""Where the delivering processes' CPU goes, from a `perf record -g` file (compare-alertmanager.py --perf-record).

Usage: perf-breakdown.py FILE [--alerts N]

Each sample is one slice of one thread's CPU with its call chain. Processes are told apart by what they run: a process
with the alerting function's symbols is "alerting", with the invoker's "invoker", anything else by its name. Two tables
per process, in percent of that process's samples (and ms per alert when --alerts is given):
- phase: the innermost step of our own code on the stack (async continuations run on top of the call that completed
  them, so the outermost would credit everything to the runtime loop), so the runtime loop's polling, the invoke round
  trip, normalising, rendering, the SMTP exchange and logging add up with "other";
- library: the innermost library frame on the stack (exclusive), so the kernel, the GC, the thread pool, sockets,
  HttpClient, JSON, MailKit, MimeKit and Scriban each show what they burn themselves.
"""
import argparse
import collections
import re
import subprocess
import sys

# Our steps: the innermost frame of a sample that matches one owns the sample.
PHASES = [
    ("log lines", r"ServiceNowAlert_Hosting_.*(JsonLambdaLog|LambdaLog)|InvokerLog|AlertingLog|LambdaLogExtensions"),
    ("runtime API: next invocation", r"RuntimeApiClient__GetNextInvocation"),
    ("runtime API: post response/error", r"RuntimeApiClient__Post"),
    ("normalise trigger", r"ServiceNowAlert_Normalisers_"),
    ("read + validate request", r"AlertRequestReader|AlertValidator|AlertRequestRules|JsonRequestReader"),
    ("invoke alerting: STS/credentials", r"StsRoleAssumer|RoleCredentialCache|AssumeRole"),
    ("invoke alerting: sign + HTTP round trip", r"LambdaInvokeClient|SigV4RequestSigner"),
    ("render (Scriban)", r"AlertRenderer|AlertModelBuilder"),
    ("build MIME message", r"AlertMessageBuilder|MimeMessageFactory|ServiceNowAlert_Alerting_.*Mail_"),
    ("SMTP exchange (MailKit)", r"MailKitSmtpTransport|SmtpSender|MailKit_MailKit_Net_Smtp"),
    ("idempotency + suppression", r"IdempotencyStore|RepeatSuppressor"),
    ("metrics (EMF)", r"EmfMetricsSink|MetricsSink"),
]

# Samples in none of our steps, by their innermost telling frame: the runtime's own threads and the pool's waiting.
UNOWNED = [
    ("GC (its own threads)", r"gc_heap|GCHeap|WKS::|SVR::|GarbageCollect"),
    ("socket engine (epoll thread)", r"SocketAsyncEngine__EventLoop"),
    ("HttpClient (connection and response handling)", r"System_Net_Http_"),
    ("thread pool: waiting, waking, spinning", r"LowLevelLifoSemaphore|Thread__Yield|SpinWait|PortableThreadPool|ThreadPoolWorkQueue__Dispatch"),
]

# Libraries, innermost first: the first frame from the leaf that matches names the library that burnt the sample.
LIBRARIES = [
    ("GC and allocation", r"gc_heap|GCHeap|WKS::|SVR::|RhpGcAlloc|RhpNew|RhpNewFast|RhpNewArray|GCToEE|memset|memmove|Buffer__Memmove"),
    ("Scriban", r"^Scriban_"),
    ("MimeKit", r"^MimeKit_"),
    ("MailKit", r"^MailKit_"),
    ("System.Text.Json", r"System_Text_Json_"),
    ("crypto (HMAC, SHA, TLS)", r"System_Security_Cryptography|libcrypto|libssl|Interop_Crypto"),
    ("AWS SDK", r"^AWSSDK_"),
    ("HttpClient", r"System_Net_Http_"),
    ("sockets", r"System_Net_Sockets_|System_Net_Primitives"),
    ("thread pool, tasks, async", r"PortableThreadPool|LowLevelLifoSemaphore|ThreadPoolWorkQueue|Threading_Tasks|AsyncMethodBuilder|AsyncStateMachineBox|ExecutionContext|Thread__Yield|SpinWait"),
    ("strings, text, collections", r"S_P_CoreLib_System_(String|Text|Globalization|Collections|Number|Span|Char)"),
    ("ServiceNowAlert", r"ServiceNowAlert_"),
    ("other .NET runtime", r"^S_P_CoreLib_|^System_|^Rhp|^Rh"),
]


def samples(path):
    """Yields (pid, [frames leaf first]) for each sample of the file."""
    script = subprocess.run(["perf", "script", "-i", path, "-F", "pid,tid,ip,sym"], capture_output=True, text=True, check=True).stdout
    pid, frames = None, []
    for line in script.splitlines():
        if re.match(r"^\s*\d+/\d+\s*$", line):
            if pid is not None:
                yield pid, frames
            pid, frames = int(line.split("/")[0]), []
        elif line.strip():
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) == 2 else parts[0])
    if pid is not None:
        yield pid, frames


def kernel(frame):
    return "[unknown]" in frame or re.match(r"^[a-z_0-9.]+$", frame) is not None


def phase_of(frames):
    for frame in frames:
        for name, pattern in PHASES:
            if re.search(pattern, frame):
                return name
    for frame in frames:
        for name, pattern in UNOWNED:
            if re.search(pattern, frame):
                return name
    return "other"


def library_of(frames):
    if frames and kernel(frames[0]):
        return "kernel (syscalls, TCP, scheduling)"
    for frame in frames:
        for name, pattern in LIBRARIES:
            if re.search(pattern, frame):
                return name
    return "other"


def process_name(frames_seen):
    text = "\n".join(frames_seen)
    if "ServiceNowAlert_Alerting_" in text:
        return "alerting"
    if "ServiceNowAlert_Invoker_" in text:
        return "invoker"
    return "other"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--alerts", type=int, help="alerts delivered while recording, for ms per alert")
    parser.add_argument("--hz", type=int, default=4999, help="the sampling frequency the file was recorded at")
    options = parser.parse_args()

    by_pid = collections.defaultdict(list)
    for pid, frames in samples(options.file):
        by_pid[pid].append(frames)
    by_process = collections.defaultdict(list)
    for pid, stacks in by_pid.items():
        by_process[process_name(frame for stack in stacks[:4000] for frame in stack)].extend(stacks)

    total = sum(len(stacks) for stacks in by_process.values())
    print(f"{total} samples at {options.hz} Hz in {len(by_pid)} processes: " + ", ".join(f"{name} {len(stacks)}" for name, stacks in sorted(by_process.items())))
    for name, stacks in sorted(by_process.items()):
        for title, of in (("phase", phase_of), ("library", library_of)):
            counts = collections.Counter(of(stack) for stack in stacks)
            print(f"\n{name}, by {title} ({len(stacks)} samples)")
            print(f"| {title} | share | ms per alert |")
            print("| --- | ---: | ---: |")
            for key, count in counts.most_common():
                per_alert = f"{count / options.hz * 1000 / options.alerts:.3f}" if options.alerts else "–"
                print(f"| {key} | {100 * count / len(stacks):.1f}% | {per_alert} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
