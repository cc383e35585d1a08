// Segmint: a bearer token from `POST /auth/v1/token` (HTTP Basic username:password,
// `grant_type=token`), valid for `tokenTtlSeconds` and rejected with 401 once expired; campaign
// details by id, 404 for an id the sandbox does not know.
import { randomBytes } from "node:crypto";
import { ok } from "../../reply.ts";
import { sameSecret } from "../generic/secret.ts";
import type { VendorModule } from "../module.ts";
import { errors } from "./errors.ts";
import { emptyState, type SegmintState } from "./state.ts";

export interface SegmintCredentials {
  username: string;
  password: string;
}

function basicCredentials(header: string | undefined): SegmintCredentials | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export type { SegmintState } from "./state.ts";

export const module: VendorModule<SegmintState, SegmintCredentials> = {
  errors,
  state: { empty: emptyState },
  // The exchange's tokens are issued and expire, so the spec's bearer check is replaced.
  authenticate: ({ operation, headers }, { state, now, credentials }) => {
    if (operation.operationId === "createToken") {
      const given = basicCredentials(headers.authorization);
      if (given && sameSecret(given.username, credentials.username) && sameSecret(given.password, credentials.password)) return undefined;
      return errors.unauthorized(given ? "Invalid username or password" : "HTTP Basic credentials (username:password) are required");
    }
    const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
    if (token === undefined) return errors.unauthorized("The authorization token is missing: send Authorization: Bearer <token>");
    const issued = state.tokens[token];
    if (!issued) return errors.unauthorized("The authorization token provided is invalid");
    if (issued.expiresAt <= now()) return errors.unauthorized("The authorization token provided has expired");
    return undefined;
  },
  // The docs do not say where grant_type goes; a form body is accepted as well as the query string.
  prepareQuery: (query, body) => {
    const params = new URLSearchParams(query);
    const grant = (body as Record<string, unknown> | undefined)?.grant_type;
    if (!params.has("grant_type") && typeof grant === "string") params.set("grant_type", grant);
    return params.toString();
  },
  handlers: {
    createToken: (_call, { state, now, credentials, tokenTtlSeconds }) => {
      const token = `sbx_${randomBytes(24).toString("base64url")}`;
      const at = now();
      // Expired tokens are forgotten as new ones are issued, so the store does not grow forever.
      state.tokens = Object.fromEntries(Object.entries(state.tokens).filter(([, issued]) => issued.expiresAt > at));
      state.tokens[token] = { username: credentials.username, expiresAt: at + tokenTtlSeconds * 1000 };
      return ok({ access_token: token, token_type: "Bearer", expires_in: tokenTtlSeconds });
    },
    getCampaign: (call, { state }) => {
      const id = call.params.campaignId ?? "";
      const campaign = state.campaigns[id];
      return campaign ? ok(campaign) : errors.notFound(`The resource does not exist: campaign ${id}`);
    },
  },
};
