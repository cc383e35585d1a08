// Every vendor client, built against a test server, with a planted secret in each credential slot
// and one call per slot. The suites run their hostile servers and callers over these; `vendors.test.ts`
// fails when a spec in specs/ has no entry here, so a new vendor cannot be left out. The four vendors
// below are written by hand (their quirks: several hosts, a replace guard, a token exchange); every
// other vendor package gets its slot from its spec (derived-clients.ts).
import { createSegmenterClient } from "@seg/segmenter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { createSegmetricsClient } from "@seg/segmetrics";
import { createSegmintClient } from "@seg/segmint";
import type { RecordedRequest, Reply } from "@seg/test-server";
import { derivedClients, type DerivedClient } from "./derived-clients.ts";

/** Transport options every suite may add (timeouts, retries, a logger). */
export type Transport = Parameters<typeof createSegmetricsClient>[0] & Parameters<typeof createSegmintClient>[0];

export interface Slot {
  vendor: string;
  /** Where the credential travels, e.g. "x-api-key header". */
  slot: string;
  /** Every secret the client holds. */
  secrets: readonly string[];
  /** A client whose every host is under `origin`, and the call that exercises this slot. */
  call: (origin: string, transport?: Transport) => () => Promise<unknown>;
  /** The request this slot's credential rides on (the one a hostile server redirects or fails). */
  carries: (request: RecordedRequest) => boolean;
  /** Whether `request` carries the credential. */
  sent: (request: RecordedRequest) => boolean;
  /** A success answer to any request of this vendor. */
  ok: (request: RecordedRequest) => Reply;
}

const SEGMETRICS_KEY = "smk_DO_NOT_LEAK_1a2b3c4d";
const SEGMENTER_KEY = "sgk_DO_NOT_LEAK_9f8e7d6c";
const SEGMENTHUB_TOKEN = "shtok_DO_NOT_LEAK_77aa88bb";
const SEGMINT_USER = "mint-user-DO_NOT_LEAK";
const SEGMINT_PASSWORD = "mint-pass-DO_NOT_LEAK-42";
export const SEGMINT_TOKEN = "mint_tok_DO_NOT_LEAK_c0ffee";
const SEGMINT_BASIC = `Basic ${Buffer.from(`${SEGMINT_USER}:${SEGMINT_PASSWORD}`).toString("base64")}`;

const json = (body: unknown): Reply => ({ status: 200, json: body });
const bodyHas = (request: RecordedRequest, secret: string): boolean => request.body.includes(secret);

export const segmetrics = (origin: string, transport: Transport = {}) =>
  createSegmetricsClient({
    ...transport,
    accountId: "acct-1",
    integrationId: "int-1",
    apiKey: SEGMETRICS_KEY,
    baseUrls: {
      import: `${origin}/import/{account_id}/{integration_id}`,
      track: `${origin}/track`,
      reporting: `${origin}/reporting/{account_id}`,
    },
  });
export const segmenter = (origin: string, transport: Transport = {}) => createSegmenterClient({ ...transport, apiKey: SEGMENTER_KEY, baseUrl: `${origin}/segmenter` });
export const segmenthub = (origin: string, transport: Transport = {}) =>
  createSegmentHubClient({ ...transport, account: "acc-1", token: SEGMENTHUB_TOKEN, baseUrl: origin });
export const segmint = (origin: string, transport: Transport = {}) =>
  createSegmintClient({ ...transport, username: SEGMINT_USER, password: SEGMINT_PASSWORD, baseUrl: origin });

const segmintOk = (request: RecordedRequest): Reply =>
  request.path.endsWith("/auth/v1/token") ? json({ access_token: SEGMINT_TOKEN }) : json({ id: 1234 });

/** The hand-written vendors' credential slots. */
const HAND_SLOTS: readonly Slot[] = [
  {
    vendor: "segmetrics",
    slot: "Authorization header (import host)",
    secrets: [SEGMETRICS_KEY],
    call: (origin, transport) => {
      const client = segmetrics(origin, transport);
      return () => client.POST("/contact", { body: { email: "joey@bloggs.com" } });
    },
    carries: (request) => request.path.endsWith("/contact"),
    sent: (request) => request.headers.authorization === SEGMETRICS_KEY,
    ok: () => json({ status: "success" }),
  },
  {
    vendor: "segmetrics",
    slot: "Authorization header (reporting host)",
    secrets: [SEGMETRICS_KEY],
    call: (origin, transport) => {
      const client = segmetrics(origin, transport);
      return () => client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "joey@bloggs.com" } } });
    },
    carries: (request) => request.path.includes("/contact/"),
    sent: (request) => request.headers.authorization === SEGMETRICS_KEY,
    ok: () => json({ email: "joey@bloggs.com" }),
  },
  {
    vendor: "segmenter",
    slot: "x-api-key header",
    secrets: [SEGMENTER_KEY],
    call: (origin, transport) => {
      const client = segmenter(origin, transport);
      return () => client.updateSegment({ id: "seg-1", persons: [{ externalId: "c-1" }] });
    },
    carries: (request) => request.path.endsWith("/segments"),
    sent: (request) => request.headers["x-api-key"] === SEGMENTER_KEY,
    ok: () => json({ data: { id: "seg-1", persons: [] }, errorMessage: "" }),
  },
  {
    vendor: "segmenthub",
    slot: "token in the JSON body",
    secrets: [SEGMENTHUB_TOKEN],
    call: (origin, transport) => {
      const client = segmenthub(origin, transport);
      return () => client.POST("/profiles/query", { body: { profileId: "jo@example.com" } });
    },
    carries: (request) => request.path.endsWith("/profiles/query"),
    sent: (request) => bodyHas(request, SEGMENTHUB_TOKEN),
    ok: () => json({ status: 200, profileId: "jo@example.com", attributes: {}, segments: [] }),
  },
  {
    vendor: "segmint",
    slot: "bearer token",
    secrets: [SEGMINT_USER, SEGMINT_PASSWORD, SEGMINT_TOKEN],
    call: (origin, transport) => {
      const client = segmint(origin, transport);
      return () => client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } } });
    },
    carries: (request) => request.path.includes("/campaigns/"),
    sent: (request) => request.headers.authorization === `Bearer ${SEGMINT_TOKEN}`,
    ok: segmintOk,
  },
  {
    vendor: "segmint",
    slot: "Basic credentials (token exchange)",
    secrets: [SEGMINT_USER, SEGMINT_PASSWORD, SEGMINT_TOKEN],
    call: (origin, transport) => {
      const client = segmint(origin, transport);
      return () => client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } } });
    },
    carries: (request) => request.path.endsWith("/auth/v1/token"),
    sent: (request) => request.headers.authorization === SEGMINT_BASIC,
    ok: segmintOk,
  },
];

/** The clients of every other vendor package, from their specs. */
export const DERIVED: readonly DerivedClient[] = await derivedClients(new Set(HAND_SLOTS.map((slot) => slot.vendor)));

/** A derived vendor's slots: its credential on the operation that carries it (and on its token exchange). */
const derivedSlots = (derived: DerivedClient): Slot[] =>
  derived.slots.map(({ slot, carries, sent }) => ({
    vendor: derived.vendor,
    slot,
    secrets: derived.secrets,
    call: (origin, transport) => {
      const client = derived.factory(origin, transport);
      return async () => {
        // At call time: operations.ts imports this module.
        const { CALLABLE, callOp, untyped } = await import("./operations.ts");
        const op = CALLABLE.find((candidate) => candidate.vendor === derived.vendor && candidate.method === derived.method && candidate.path === derived.path);
        if (!op) throw new Error(`${derived.vendor}: ${derived.method} ${derived.path} is not among the operations read from its spec`);
        // The client's own retry policy, as the hand-written slots' calls have it (validInit turns retries off).
        return callOp(untyped(client), op, (init) => ({ ...init, retry: undefined }));
      };
    },
    carries,
    sent,
    ok: derived.ok,
  }));

/** Each vendor's credential slots. */
export const SLOTS: readonly Slot[] = [...HAND_SLOTS, ...DERIVED.flatMap(derivedSlots)];

/** Every secret any client above holds. */
export const ALL_SECRETS: readonly string[] = [...new Set(SLOTS.flatMap((slot) => slot.secrets))];
