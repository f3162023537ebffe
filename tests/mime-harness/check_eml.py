"""Reads .eml files with Python's email package (policy.strict: any defect raises), an implementation independent of
MimeKit, and checks the shape an alert email must have. Usage: python3 check_eml.py <file.eml>...
Prints one JSON line per file: {"file": ..., "ok": bool, "problems": [...], "subject": ..., "correlationKey": ...,
"text": ..., "html": ...}."""
import email
import email.policy
import json
import sys

REQUIRED = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "X-Alert-Id"]


def check(path):
    problems = []
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the message does not end with CRLF")
    if any(b"\n" in line or b"\r" in line for line in lines):
        problems.append("a bare CR or LF outside CRLF")
    long_lines = [len(line) for line in lines if len(line) > 998]
    if long_lines:
        problems.append(f"{len(long_lines)} lines over 998 octets")
    try:
        message = email.message_from_bytes(data, policy=email.policy.strict)
    except Exception as error:  # policy.strict raises on the first defect
        return {"file": path, "ok": False, "problems": problems + [f"parse: {type(error).__name__}: {error}"]}
    for name in REQUIRED:
        if message.get(name) is None:
            problems.append(f"no {name} header")
    if message.get("Bcc") is not None:
        problems.append("a Bcc header")
    if message.get_content_type() != "multipart/alternative":
        problems.append(f"top-level type {message.get_content_type()}, not multipart/alternative")
    parts = list(message.iter_parts()) if message.is_multipart() else []
    types = [part.get_content_type() for part in parts]
    if types != ["text/plain", "text/html"]:
        problems.append(f"parts {types}, not text/plain then text/html")
    bodies = {}
    for part in parts:
        if part.get_content_charset() != "utf-8":
            problems.append(f"{part.get_content_type()} charset {part.get_content_charset()}")
        if part.defects:
            problems.append(f"{part.get_content_type()} defects {part.defects}")
        bodies[part.get_content_type()] = part.get_content()
    return {
        "file": path,
        "ok": not problems,
        "problems": problems,
        "subject": str(message.get("Subject", "")),
        "correlationKey": str(message.get("X-Correlation-Key", "")),
        "text": bodies.get("text/plain", ""),
        "html": bodies.get("text/html", ""),
    }


for file in sys.argv[1:]:
    print(json.dumps(check(file), ensure_ascii=False))
