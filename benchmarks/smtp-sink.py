#!/usr/bin/python3
"""A loopback SMTP sink for benchmarks (Debian's python3-aiosmtpd): accepts every message, keeps none, offers PIPELINING.

Usage: smtp-sink.py <port> <log-file>
Appends one line per message to the log: "<epoch seconds> <first recipient> <Message-ID or ->", flushed at once,
and prints "ready" when it listens. Stops on SIGTERM or SIGINT.
"""
import re
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller

MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*?)\r?$", re.IGNORECASE | re.MULTILINE)


class Recorder:
    def __init__(self, log):
        self.log = log

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # Real relays (Postfix, Exchange Online, SES, ServiceNow's) offer PIPELINING; a client that uses it sends MAIL,
        # RCPT and DATA without waiting for each reply. aiosmtpd reads commands in order either way, it only does not
        # say so.
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]

    async def handle_DATA(self, server, session, envelope):
        head = (envelope.original_content or envelope.content).split(b"\r\n\r\n", 1)[0]
        found = MESSAGE_ID.search(head)
        message_id = found.group(1).decode("ascii", "replace").strip() if found else "-"
        self.log.write(f"{time.time():.6f} {envelope.rcpt_tos[0]} {message_id or '-'}\n")
        self.log.flush()
        return "250 2.0.0 Accepted"


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with open(path, "a", encoding="ascii") as log:
        controller = Controller(Recorder(log), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        stop.wait()
        controller.stop()


if __name__ == "__main__":
    main()
