// A real SMTP server for ServiceNowAlert's tests, started by the tests themselves on 127.0.0.1.
// - TLS: a self-signed certificate made at start (its PEM is written to a temp file the client trusts as its CA).
// - STARTTLS required before AUTH; AUTH PLAIN/LOGIN required (user/password from SMTP_USER / SMTP_PASSWORD).
// - Control API on a second port: GET /messages, DELETE /messages, POST /faults (JSON), GET /stats.
// Prints one JSON line first: {"smtpPort":..,"controlPort":..,"caFile":".."}.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { SMTPServer } = require("smtp-server");
const selfsigned = require("selfsigned");

const user = process.env.SMTP_USER || "alerts";
const password = process.env.SMTP_PASSWORD || "s3cret-relay-password";
const pems = selfsigned.generate([{ name: "commonName", value: "localhost" }], {
  days: 2,
  keySize: 2048,
  algorithm: "sha256",
  extensions: [
    { name: "basicConstraints", cA: true },
    { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
  ],
});
const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "smtp-harness-")), "ca.pem");
fs.writeFileSync(caFile, pems.cert);

let messages = [];
let faults = {};
const stats = { connections: 0, authentications: 0, transactions: 0, accepted: 0, faultsInjected: 0 };

function smtpError(code, text) {
  const error = new Error(text);
  error.responseCode = code;
  return error;
}

// Faults may target the next N transactions ({"count": N}) or a share of all of them ({"percent": P}).
function takes(fault) {
  if (!fault) return false;
  if (fault === true) return true;
  if (typeof fault.percent === "number") return Math.random() * 100 < fault.percent;
  if (typeof fault.count === "number" && fault.count > 0) { fault.count -= 1; return true; }
  return false;
}

const server = new SMTPServer({
  secure: false,
  key: pems.private,
  cert: pems.cert,
  name: "smtp-harness.local",
  authMethods: ["PLAIN", "LOGIN"],
  authOptional: false,
  allowInsecureAuth: false,
  size: 10 * 1024 * 1024,
  logger: false,
  // Resolving 127.0.0.1 back to a name costs each connection a DNS round trip that says nothing about our client.
  disableReverseLookup: true,
  onConnect(session, callback) {
    stats.connections += 1;
    if (takes(faults.greeting421)) { stats.faultsInjected += 1; return callback(smtpError(421, "Service not available, closing transmission channel")); }
    callback();
  },
  onAuth(auth, session, callback) {
    if (takes(faults.auth535)) { stats.faultsInjected += 1; return callback(smtpError(535, "5.7.8 Authentication credentials invalid")); }
    if (auth.username !== user || auth.password !== password) return callback(smtpError(535, "5.7.8 Authentication credentials invalid"));
    stats.authentications += 1;
    callback(null, { user: auth.username });
  },
  onRcptTo(address, session, callback) {
    const rule = (faults.rcpt || {})[address.address.toLowerCase()] ?? (faults.rcpt || {})["*"];
    if (rule) {
      stats.faultsInjected += 1;
      return callback(rule >= 500 ? smtpError(rule, "5.1.1 Mailbox unavailable") : smtpError(rule, "4.2.1 Mailbox busy, try again later"));
    }
    callback();
  },
  onData(stream, session, callback) {
    stats.transactions += 1;
    const chunks = [];
    const drop = takes(faults.dropDuringData);
    const transient = takes(faults.transient451);
    stream.on("data", (chunk) => {
      chunks.push(chunk);
      if (drop) {
        stats.faultsInjected += 1;
        for (const connection of server.connections) {
          if (connection.id === session.id) connection._socket.destroy();
        }
      }
    });
    stream.on("end", () => {
      if (drop) return;
      const finish = () => {
        if (transient) { stats.faultsInjected += 1; return callback(smtpError(451, "4.3.0 Temporary failure, try again")); }
        messages.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          secure: session.secure === true,
          user: session.user,
        });
        stats.accepted += 1;
        callback(null, "2.0.0 Queued");
      };
      if (faults.delayMs) setTimeout(finish, faults.delayMs); else finish();
    });
  },
});

server.on("error", () => { /* a client dropping mid-session is part of the tests */ });

const control = http.createServer((request, response) => {
  const reply = (status, body) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  let body = "";
  request.on("data", (chunk) => { body += chunk; });
  request.on("end", () => {
    if (request.method === "GET" && request.url === "/messages") return reply(200, messages);
    if (request.method === "DELETE" && request.url === "/messages") { messages = []; return reply(200, {}); }
    if (request.method === "GET" && request.url === "/stats") return reply(200, stats);
    if (request.method === "POST" && request.url === "/faults") {
      try { faults = JSON.parse(body || "{}"); } catch (error) { return reply(400, { error: String(error) }); }
      server.options.hideSTARTTLS = faults.noStartTls === true;
      return reply(200, faults);
    }
    reply(404, { error: "unknown" });
  });
});

server.listen(0, "127.0.0.1", () => {
  control.listen(0, "127.0.0.1", () => {
    console.log(JSON.stringify({ smtpPort: server.server.address().port, controlPort: control.address().port, caFile, user, password }));
  });
});

// Stop with the test process: when stdin closes (the parent died or disposed us), exit.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
