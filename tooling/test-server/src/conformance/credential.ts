// Where a request must carry the vendor's credential, as `credentialOf` reads the spec: the exact
// slot (a header, `Authorization: Bearer|Basic`, a body property, the exchanged token), and no
// trace of any secret anywhere else in the request.
import { isObject, type SpecOperation } from "@seg/spec";
import type { RecordedRequest } from "../index.ts";
import type { ConformanceVendor } from "./vendor.ts";

const base64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

/** The operation opts out of the root's security (`security: []` or an empty requirement). */
export function isAnonymous(operation: SpecOperation): boolean {
  const { security } = operation.operation;
  return Array.isArray(security) && (security.length === 0 || security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0));
}

export interface Slot {
  /** A header that must hold exactly `value` (lower-cased name). */
  header?: { name: string; value: string };
  /** A JSON body property that must hold exactly `value`. */
  body?: { property: string; value: string };
}

/** Where an API request of `operation` must carry the credential; `{}` when it must carry none. */
export function apiSlot(vendor: ConformanceVendor, operation: SpecOperation): Slot {
  const { credential, values } = vendor;
  const basic = `Basic ${base64(`${values.username ?? ""}:${values.password ?? ""}`)}`;
  switch (credential.kind) {
    case "header":
      return isAnonymous(operation) ? {} : { header: { name: credential.header.toLowerCase(), value: values.apiKey ?? "" } };
    case "bearer":
      return isAnonymous(operation) ? {} : { header: { name: "authorization", value: `Bearer ${values.token ?? ""}` } };
    case "basic":
      return isAnonymous(operation) ? {} : { header: { name: "authorization", value: basic } };
    case "exchange":
      return isAnonymous(operation) ? {} : { header: { name: "authorization", value: `Bearer ${vendor.issuedToken(1)}` } };
    case "body": {
      const property = Object.entries(operation.bind.body).find(([, option]) => option === credential.bind)?.[0];
      return property === undefined ? {} : { body: { property, value: values[credential.bind] ?? "" } };
    }
    case "none":
      return {};
  }
}

/** The token exchange's slot: Basic credentials in `Authorization`. */
export function exchangeSlot(vendor: ConformanceVendor): Slot {
  return { header: { name: "authorization", value: `Basic ${base64(`${vendor.values.username ?? ""}:${vendor.values.password ?? ""}`)}` } };
}

/** Problems with how `request` carries the credential (empty when it is exactly where `slot` says). */
export function credentialProblems(vendor: ConformanceVendor, request: RecordedRequest, slot: Slot): string[] {
  const problems: string[] = [];
  const slotHeader = slot.header?.name;
  if (slot.header && request.headers[slot.header.name] !== slot.header.value) {
    problems.push(`header ${slot.header.name} is ${JSON.stringify(request.headers[slot.header.name])}`);
  }
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== slotHeader));
  let body = request.body;
  if (slot.body) {
    const parsed = request.json();
    if (!isObject(parsed) || parsed[slot.body.property] !== slot.body.value) problems.push(`body property ${slot.body.property} does not hold the credential`);
    else body = JSON.stringify({ ...parsed, [slot.body.property]: undefined });
  }
  const elsewhere = { path: request.path, query: request.rawQuery, headers: JSON.stringify(headers), body };
  for (const [where, text] of Object.entries(elsewhere)) {
    for (const canary of vendor.canaries) {
      if (canary.forms.some((form) => text.includes(form))) problems.push(`${canary.name} found in the ${where}`);
    }
  }
  return problems;
}
