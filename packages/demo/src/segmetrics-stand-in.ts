// A few lines of SegMetrics behaviour for the demo: contacts upserted on the import host can be
// read back on the reporting host. (The full stateful sandbox of all four vendors replaces this.)
import { startTestServer, type TestServer } from "@seg/test-server";

interface Contact {
  contact_id: string;
  email?: string;
  [field: string]: unknown;
}

export async function startSegmetricsStandIn(apiKey: string): Promise<TestServer> {
  const contacts = new Map<string, Contact>();
  return startTestServer((request) => {
    if (request.headers.authorization !== apiKey) return { status: 401, json: { status: "error", errors: ["invalid API key"] } };
    if (request.method === "POST" && request.path.endsWith("/contact")) {
      const body = request.json() as Contact;
      if (body.contact_id === undefined && body.email === undefined) {
        return { status: 400, json: { status: "error", errors: ["missing 'contact_id' or 'email' field"] } };
      }
      const id = String(body.contact_id ?? body.email);
      contacts.set(id, { ...contacts.get(id), ...body, contact_id: id });
      return { status: 200, json: { status: "success" } };
    }
    const match = /\/contact\/([^/]+)$/.exec(request.path);
    if (request.method === "GET" && match?.[1]) {
      const key = decodeURIComponent(match[1]);
      const found = [...contacts.values()].find((c) => c.contact_id === key || c.email === key);
      return found ? { status: 200, json: { data: found } } : { status: 400, json: { status: "error", errors: [`no contact ${key}`] } };
    }
    return { status: 400, json: { status: "error", errors: [`not part of the demo: ${request.method} ${request.path}`] } };
  });
}
