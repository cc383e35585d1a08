// SegmentHub: events recorded per account (a product view also lands in the subject's
// `lastViewedProducts`), profile and visitor attributes set and queried, segments assigned,
// removed and queried. The token travels in the JSON body; anything but JSON is a 415.
import { ok, type Reply } from "../../reply.ts";
import type { CallContext, OperationCall, OperationHandler, VendorModule } from "../module.ts";
import { errors } from "./errors.ts";
import { emptyState, segmentHubAccount, type SegmentHubState, type SegmentHubSubject } from "./state.ts";

export interface SegmentHubCredentials {
  token: string;
  /** The accounts that exist (default: any account; others get the documented 404). */
  accounts?: readonly string[];
}

type Context = CallContext<SegmentHubState, SegmentHubCredentials>;
type Handler = OperationHandler<SegmentHubState, SegmentHubCredentials>;

type Kind = "profile" | "visitor";

interface SubjectBody {
  account: string;
  profileId?: string;
  visitorId?: string;
  attributes?: string[] | Record<string, string | string[]>;
  segments?: string[];
  assignees?: string[];
  removes?: string[];
}

const LAST_VIEWED = 10;

function subject(context: Context, account: string, kind: Kind, id: string): SegmentHubSubject {
  const store = segmentHubAccount(context.state, account);
  const subjects = kind === "profile" ? store.profiles : store.visitors;
  subjects[id] ??= { attributes: {}, segments: [] };
  return subjects[id];
}

/** 404 for an account the sandbox is told does not exist ("not found or suspended"). */
function withAccount(handler: Handler): Handler {
  return (call, context) => {
    const account = (call.body as { account: string }).account;
    const known = context.credentials.accounts;
    if (known && !known.includes(account)) return errors.notFound(`The requested account ${account} was not found or is suspended.`);
    return handler(call, context);
  };
}

const idOf = (body: SubjectBody, kind: Kind): string => (kind === "profile" ? body.profileId : body.visitorId) ?? "";
const label = (kind: Kind): string => (kind === "profile" ? "Profile" : "Visitor");
const echo = (body: SubjectBody, kind: Kind): Record<string, string> => (kind === "profile" ? { profileId: idOf(body, kind) } : { visitorId: idOf(body, kind) });

function query(kind: Kind): Handler {
  return (call, context) => {
    const body = call.body as SubjectBody;
    const found = subject(context, body.account, kind, idOf(body, kind));
    const names = Array.isArray(body.attributes) ? body.attributes : Object.keys(found.attributes);
    const attributes = Object.fromEntries(
      names.filter((name) => name in found.attributes).map((name) => {
        const value = found.attributes[name] ?? [];
        return [name, (Array.isArray(value) ? value : [value]).map((v) => ({ value: v }))];
      }),
    );
    // Of the segments asked about, those the subject belongs to (all of its segments if none are asked).
    const segments = body.segments ? found.segments.filter((s) => body.segments?.includes(s)) : [...found.segments];
    return ok({ status: 200, message: `${label(kind)} queried successfully.`, errors: [], attributes, segments });
  };
}

function updateAttributes(kind: Kind): Handler {
  return (call, context) => {
    const body = call.body as SubjectBody & { attributes: Record<string, string | string[]> };
    Object.assign(subject(context, body.account, kind, idOf(body, kind)).attributes, body.attributes);
    return ok({ status: 200, ...echo(body, kind), message: `${label(kind)} attributes saved successfully.`, errors: [] });
  };
}

function updateSegments(kind: Kind): Handler {
  return (call, context) => {
    const body = call.body as SubjectBody;
    const found = subject(context, body.account, kind, idOf(body, kind));
    const removes = new Set(body.removes ?? []);
    found.segments = [...new Set([...found.segments, ...(body.assignees ?? [])])].filter((s) => !removes.has(s));
    return ok({ status: 200, ...echo(body, kind), message: `${label(kind)} segments saved successfully.`, errors: [] });
  };
}

const fireEvent: Handler = (call: OperationCall, context: Context): Reply => {
  const { account, visitorId, profileId, platform, event, ...fields } = call.body as Record<string, unknown> & {
    account: string;
    visitorId: string;
    profileId?: string;
    platform: string;
    event: string;
  };
  delete fields.token;
  segmentHubAccount(context.state, account).events.push({
    event,
    visitorId,
    ...(profileId !== undefined ? { profileId } : {}),
    platform,
    at: new Date(context.now()).toISOString(),
    fields,
  });
  if (event === "productView" && typeof fields.sku === "string") {
    const sku = fields.sku;
    const subjects = [subject(context, account, "visitor", visitorId), ...(profileId !== undefined ? [subject(context, account, "profile", profileId)] : [])];
    for (const s of subjects) {
      const seen = s.attributes.lastViewedProducts;
      const list = Array.isArray(seen) ? seen : seen !== undefined ? [seen] : [];
      s.attributes.lastViewedProducts = [sku, ...list.filter((x) => x !== sku)].slice(0, LAST_VIEWED);
    }
  }
  return ok({ status: 200, message: "Campaigns executed successfully.", campaigns: context.state.campaigns });
};

export type { SegmentHubState } from "./state.ts";

export const module: VendorModule<SegmentHubState, SegmentHubCredentials> = {
  errors,
  state: { empty: emptyState },
  // The ready-made client uses an account that exists.
  clientOptions: (options, { accounts }) => (accounts?.[0] === undefined ? options : { ...options, account: accounts[0] }),
  unsupportedMediaType: (contentType) =>
    errors.status(415, `Unsupported Media Type: the API is only willing to process application/json${contentType ? ` (got ${contentType})` : ""}.`),
  handlers: Object.fromEntries(
    Object.entries({
      fireEvent,
      queryProfile: query("profile"),
      updateProfileAttributes: updateAttributes("profile"),
      updateProfileSegments: updateSegments("profile"),
      queryVisitor: query("visitor"),
      updateVisitorAttributes: updateAttributes("visitor"),
      updateVisitorSegments: updateSegments("visitor"),
    }).map(([operationId, handler]) => [operationId, withAccount(handler)]),
  ),
};
