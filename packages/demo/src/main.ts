// `pnpm demo`: upsert a contact, read it back, and show a documented error arriving typed.
import { SegApiError, unwrap } from "@seg/core";
import { createSegmetricsClient } from "@seg/segmetrics";
import { startSegmetricsStandIn } from "./segmetrics-stand-in.ts";

const apiKey = "demo-key";
const server = await startSegmetricsStandIn(apiKey);
const segmetrics = createSegmetricsClient({
  accountId: "demo-account",
  integrationId: "demo-integration",
  apiKey,
  baseUrls: {
    import: `${server.url}/api/v1/{account_id}/{integration_id}`,
    reporting: `${server.url}/{account_id}`,
  },
});

const show = (label: string, value: unknown): void => {
  console.log(`${label}\n  ${JSON.stringify(value)}`);
};

try {
  console.log(`SegMetrics stand-in listening on ${server.url}\n`);
  show(
    "segmetrics.POST /contact  (upsert Joey, tagged)",
    unwrap(await segmetrics.POST("/contact", { body: { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: ["New Lead"] } })),
  );
  show(
    "segmetrics.GET /contact/{contact_id_or_email}  (read Joey back by email)",
    unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "joey@bloggs.com" } } })).data,
  );
  try {
    unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "nobody@example.com" } } }));
  } catch (error) {
    if (!(error instanceof SegApiError)) throw error;
    show("a documented error arrives as a typed SegApiError", { kind: error.kind, status: error.status, body: error.body });
  }
} finally {
  await server.close();
}
