// The credentials a vendor accepts, from its spec (`credentialOf`, `clientShape`): their default
// values, and the check each kind of credential gets on every operation it secures.
import type { ClientShape, Credential } from "@seg/spec/document";
import type { SpecOperation } from "../../openapi/vendor-spec.ts";
import type { Reply } from "../../reply.ts";
import type { AuthCall, VendorErrors } from "../module.ts";
import { sameSecret } from "./secret.ts";

const DEFAULTS: Readonly<Record<string, string>> = {
  apiKey: "sandbox-key",
  token: "sandbox-token",
  username: "sandbox-user",
  password: "sandbox-password",
};

/** `integrationId` → `integration-id` */
export const kebabCase = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();

/** The sandbox's value for a client option: `sandbox-key`, `sandbox-user` … or `sandbox-<kebab name>`. */
export const optionDefault = (name: string): string => DEFAULTS[name] ?? `sandbox-${kebabCase(name)}`;

/** The credential options of a vendor (its client's secret options) with their defaults. */
export function defaultCredentials(shape: ClientShape): Record<string, string> {
  return Object.fromEntries(shape.options.filter((option) => option.secret).map((option) => [option.name, optionDefault(option.name)]));
}

export type Authenticate = (call: AuthCall, credentials: Readonly<Record<string, unknown>>) => Reply | undefined;

const secret = (credentials: Readonly<Record<string, unknown>>, name: string): string => {
  const value = credentials[name];
  return typeof value === "string" ? value : "";
};

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function checkHeader(header: string, errors: VendorErrors): Authenticate {
  return ({ headers }, credentials) => {
    const given = headers[header.toLowerCase()];
    if (sameSecret(given, secret(credentials, "apiKey"))) return undefined;
    return errors.unauthorized(given === undefined ? `missing API key: send it as the ${header} header` : `invalid API key in the ${header} header`);
  };
}

function checkBearer(accepts: (token: string, credentials: Readonly<Record<string, unknown>>) => boolean, errors: VendorErrors): Authenticate {
  return ({ headers }, credentials) => {
    const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
    if (token === undefined) return errors.unauthorized("The authorization token is missing: send Authorization: Bearer <token>");
    return accepts(token, credentials) ? undefined : errors.unauthorized("The authorization token provided is invalid");
  };
}

function checkBasic(errors: VendorErrors): Authenticate {
  return ({ headers }, credentials) => {
    const given = basicCredentials(headers.authorization);
    if (given && sameSecret(given.username, secret(credentials, "username")) && sameSecret(given.password, secret(credentials, "password"))) return undefined;
    return errors.unauthorized(given ? "Invalid username or password" : "HTTP Basic credentials (username:password) are required");
  };
}

/**
 * A body token: required where the body schema requires its property; checked wherever it is sent,
 * also in a body that does not bind it (an optional token the caller may add).
 */
function checkBodyToken(bind: string, errors: VendorErrors, operations: readonly SpecOperation[]): Authenticate {
  const propertyOf = (operation: SpecOperation): string | undefined => Object.entries(operation.bodyBind).find(([, name]) => name === bind)?.[0];
  const usual = operations.map(propertyOf).find((property) => property !== undefined) ?? bind;
  return ({ operation, body }, credentials) => {
    const property = propertyOf(operation) ?? usual;
    const given = (body as Record<string, unknown> | undefined)?.[property];
    if (given === undefined && !operation.requiredBodyFields.includes(property)) return undefined;
    if (typeof given === "string" && sameSecret(given, secret(credentials, bind))) return undefined;
    return errors.unauthorized(`the body's '${property}' is ${given === undefined ? "missing" : "invalid"}`);
  };
}

/** Token-like strings of a body (`access_token`, `accessToken`, …): what an exchange hands out. */
export function issuedTokens(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  return Object.entries(body).flatMap(([key, value]) =>
    typeof value === "string" && /token$/i.test(key) ? [value] : typeof value === "object" ? issuedTokens(value) : [],
  );
}

/**
 * The check a credential implies, for the operations the spec secures. A token exchange (Basic for
 * the exchange, then a bearer token) accepts the tokens its exchange answers with (`exchangeTokens`:
 * for a vendor without a module, those in the exchange's documented example; any, if it names none).
 */
export function specAuthenticator(
  credential: Credential,
  errors: VendorErrors,
  operations: readonly SpecOperation[],
  exchangeTokens: () => readonly string[],
): Authenticate {
  const secured = (check: Authenticate): Authenticate => (call, credentials) => (call.operation.secured ? check(call, credentials) : undefined);
  switch (credential.kind) {
    case "header":
      return secured(checkHeader(credential.header, errors));
    case "bearer":
      return secured(checkBearer((token, credentials) => sameSecret(token, secret(credentials, "token")), errors));
    case "basic":
      return secured(checkBasic(errors));
    case "exchange": {
      const basic = checkBasic(errors);
      const bearer = checkBearer((token) => {
        const accepted = exchangeTokens();
        return accepted.length === 0 || accepted.some((value) => sameSecret(token, value));
      }, errors);
      return secured((call, credentials) => (`${call.operation.method} ${call.operation.path}` === credential.operation ? basic : bearer)(call, credentials));
    }
    case "body":
      return checkBodyToken(credential.bind, errors, operations);
    case "none":
      return () => undefined;
  }
}
