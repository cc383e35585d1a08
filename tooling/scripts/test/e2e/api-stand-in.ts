// The vendor API the consumer's calls reach: a local HTTP server that records each request.
import { once } from "node:events";
import { createServer } from "node:http";

export interface RecordedRequest {
  method: string;
  url: string;
  userAgent: string;
  authorization: string;
}

export interface ApiStandIn {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

export async function startApiStandIn(): Promise<ApiStandIn> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.once("end", () => {
      requests.push({
        method: request.method ?? "",
        url: request.url ?? "",
        userAgent: request.headers["user-agent"] ?? "",
        authorization: request.headers.authorization ?? "",
      });
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    });
  });
  server.keepAliveTimeout = 100;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
