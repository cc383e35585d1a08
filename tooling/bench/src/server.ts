// The benchmark's server, run in a child process so it does not share the client's event loop:
// keep-alive HTTP on 127.0.0.1, answering every request with the docs' small success body.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = JSON.stringify({ status: "success" });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.((server.address() as AddressInfo).port);
});
process.on("message", (message) => {
  if (message === "close") server.close(() => process.exit(0));
});
