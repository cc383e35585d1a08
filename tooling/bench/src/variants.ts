// The request shapes the benchmark compares, each written four ways: undici.request (the floor),
// raw fetch, bare openapi-fetch over the same generated types, and @seg/segmetrics.
import createClient from "openapi-fetch";
import { request as undiciRequest, Agent } from "undici";
import { createSegmetricsClient, type paths } from "@seg/segmetrics";
import type { TelemetryMode } from "./telemetry-modes.ts";

export type Call = () => Promise<unknown>;
export type Shape = "GET (path + query)" | "POST (JSON body)" | "GET → documented 400";
export type Variant =
  | "undici.request"
  | "raw fetch"
  | "bare openapi-fetch"
  | "@seg/segmetrics"
  | "@seg/segmetrics (API, no provider)"
  | "@seg/segmetrics (tracing on)";

/** The OpenTelemetry state each variant runs in (main.ts switches it before each measurement). */
export const MODE: Record<Variant, TelemetryMode> = {
  "undici.request": "API absent",
  "raw fetch": "API absent",
  "bare openapi-fetch": "API absent",
  "@seg/segmetrics": "API absent",
  "@seg/segmetrics (API, no provider)": "API, no provider",
  "@seg/segmetrics (tracing on)": "tracing on",
};

const body = { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: [3, 45, 8] };
const extend: ("tags" | "events")[] = ["tags", "events"];

export function variants(origin: string): Record<Shape, Record<Variant, Call>> {
  const seg = createSegmetricsClient({
    accountId: "acc",
    integrationId: "int",
    apiKey: "key",
    retry: false,
    baseUrls: {
      import: `${origin}/api/v1/{account_id}/{integration_id}`,
      track: origin,
      reporting: `${origin}/{account_id}`,
    },
  });
  // The same querySerializer as the seg client (`extend=tags,events`), so both send the same bytes.
  const options = { headers: { Authorization: "key" }, querySerializer: { array: { style: "form", explode: false } } } as const;
  const importApi = createClient<paths>({ ...options, baseUrl: `${origin}/api/v1/acc/int` });
  const reporting = createClient<paths>({ ...options, baseUrl: `${origin}/acc` });
  const dispatcher = new Agent({ keepAliveTimeout: 60_000 });
  const headers = { Authorization: "key", "Content-Type": "application/json" };
  const read = async (response: Response): Promise<unknown> => (await response.json()) as unknown;
  const undici = async (path: string, method: "GET" | "POST", payload?: string): Promise<unknown> => {
    const { body: stream } = await undiciRequest(`${origin}${path}`, { method, headers, body: payload, dispatcher });
    return await stream.json();
  };
  const getPath = (id: string) => `/acc/contact/${id}?extend=tags,events`;
  const segGet = (id: string): Call => () => seg.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: id }, query: { extend } } });
  const segPost: Call = () => seg.POST("/contact", { body });
  // The same seg call in each OpenTelemetry state.
  const segRows = (call: Call) => ({ "@seg/segmetrics": call, "@seg/segmetrics (API, no provider)": call, "@seg/segmetrics (tracing on)": call });
  const get = (id: string): Record<Variant, Call> => ({
    "undici.request": () => undici(getPath(id), "GET"),
    "raw fetch": async () => read(await fetch(`${origin}${getPath(id)}`, { headers })),
    "bare openapi-fetch": () => reporting.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: id }, query: { extend } } }),
    ...segRows(segGet(id)),
  });
  return {
    "GET (path + query)": get("joey@bloggs.com"),
    "POST (JSON body)": {
      "undici.request": () => undici("/api/v1/acc/int/contact", "POST", JSON.stringify(body)),
      "raw fetch": async () => read(await fetch(`${origin}/api/v1/acc/int/contact`, { method: "POST", headers, body: JSON.stringify(body) })),
      "bare openapi-fetch": () => importApi.POST("/contact", { body }),
      ...segRows(segPost),
    },
    "GET → documented 400": get("missing"),
  };
}
