// Every status an operation documents, as concrete statuses a server sends, with the body the spec
// shows for it and what a seg client must make of it (the contract @seg/core implements).
import { documentedResponses, isJsonMedia, type DocumentedResponse, type Json, type SpecOperation } from "@seg/spec";
import type { Reply } from "../index.ts";
import { sampleOf } from "./calls.ts";

export interface StatusCase {
  /** `"404"`, or `"503 (5XX)"` for a status a class or `default` stands for. */
  label: string;
  status: number;
  /** The body sent: the spec's first example, else a sample of its schema; text for a non-JSON type. */
  body: unknown;
  json: boolean;
}

/** What a status class (or `default`) is tried with: a few common members. */
const CLASS_MEMBERS: Record<string, number[]> = { "2": [200, 202], "4": [400, 409, 422], "5": [500, 502, 503] };
/** `default` stands for any status not documented: one client and one server error. */
const DEFAULT_MEMBERS = [418, 500];

/** Core's defaults: 2 retries after the first attempt, for 408, 429 and 5xx. */
export const DEFAULT_RETRIES = 2;
export const isRetryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** The `SegApiError` kind a status must carry. */
export function kindOf(status: number): string {
  const named: Record<number, string> = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    415: "unsupported_media_type",
    429: "rate_limited",
  };
  return named[status] ?? (status >= 500 ? "server_error" : "client_error");
}

function bodyOf(doc: Json, response: DocumentedResponse, status: number): { body: unknown; json: boolean } {
  const [example] = Object.values(response.examples);
  if (response.contentType === undefined) return { body: undefined, json: false };
  if (!isJsonMedia(response.contentType)) return { body: typeof example === "string" ? example : `${status} as text`, json: false };
  return { body: example ?? sampleOf(doc, response.schema), json: true };
}

/** Every documented status of `operation`, classes and `default` expanded, in the spec's order. */
export function statusCases(doc: Json, operation: SpecOperation): StatusCase[] {
  const responses = documentedResponses(doc, operation);
  const exact = new Set(responses.map((response) => response.status).filter((status) => /^\d{3}$/.test(status)).map(Number));
  const classes = new Set(responses.map((response) => response.status).filter((status) => /^\dXX$/i.test(status)).map((status) => status[0]));
  return responses.flatMap((response) => {
    let statuses: number[];
    if (/^\d{3}$/.test(response.status)) statuses = [Number(response.status)];
    else if (/^\dXX$/i.test(response.status)) statuses = (CLASS_MEMBERS[response.status[0] ?? ""] ?? []).filter((status) => !exact.has(status));
    else statuses = DEFAULT_MEMBERS.filter((status) => !exact.has(status) && !classes.has(String(status)[0]));
    return statuses.map((status) => ({
      label: String(status) === response.status ? response.status : `${status} (${response.status})`,
      status,
      ...bodyOf(doc, response, status),
    }));
  });
}

/** The reply a server sends for a status case. */
export function replyOf(found: StatusCase, headers: Record<string, string> = {}): Reply {
  if (found.body === undefined) return { status: found.status, headers };
  if (found.json) return { status: found.status, json: found.body, headers };
  return { status: found.status, body: typeof found.body === "string" ? found.body : JSON.stringify(found.body), headers: { "content-type": "text/plain", ...headers } };
}
