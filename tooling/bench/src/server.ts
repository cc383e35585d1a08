// The benchmark's server, run in a child process so it does not share the client's event loop:
// keep-alive HTTP on 127.0.0.1. A contact id of `missing` gets the docs' 400 error body; anything
// else gets a small success body (a contact for GET, `{"status":"success"}` for POST).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const contact = JSON.stringify({ contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: [{ id: 3, name: "VIP" }] });
const success = JSON.stringify({ status: "success" });
const failure = JSON.stringify({ status: "error", errors: ["The email field must be a valid email address."] });

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const [status, body] = req.url?.includes("/contact/missing") ? [400, failure] : req.method === "GET" ? [200, contact] : [200, success];
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.((server.address() as AddressInfo).port);
});
process.on("message", (message) => {
  if (message === "close") server.close(() => process.exit(0));
});
