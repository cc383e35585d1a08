// Keeps secrets out of everything a human or a log pipeline can see: error messages, toJSON(),
// util.inspect() and log lines. Two nets: known secret *values* (whatever the auth strategy holds)
// are masked wherever they appear, and values under secret-looking *names* are masked in headers,
// query strings and JSON bodies even when we did not know the value.

export const REDACTED = "[REDACTED]";

const SECRET_NAME =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|apikey|token|access[-_]?token|refresh[-_]?token|id[-_]?token|password|passwd|secret|client[-_]?secret)$/i;

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

export interface Redactor {
  /** Masks every known secret value inside free text. */
  text(value: string): string;
  /** Masks a URL's secret-named query values and any known secret in it. */
  url(value: string): string;
  /** A copy of a JSON value with secret-named keys and known secret values masked. */
  json(value: unknown): unknown;
}

/** `secrets` returns the current secret values (a bearer token changes over time). */
export function createRedactor(secrets: () => readonly string[]): Redactor {
  let cached: { key: string; pattern: RegExp | undefined } | undefined;
  const matcher = (): RegExp | undefined => {
    const values = secrets().filter((s) => s.length >= 4);
    const key = values.join("\0");
    if (cached?.key !== key) {
      // Basic credentials travel base64-encoded, anything may come back URL-encoded, and a host
      // name comes back lower-cased: mask every form, ignoring case, longest first.
      const forms = [...values, ...values.map(safeBase64)].flatMap((s) => (s ? [s, encodeURIComponent(s)] : []));
      const escaped = [...new Set(forms)].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      cached = { key, pattern: escaped.length ? new RegExp(escaped.join("|"), "gi") : undefined };
    }
    return cached.pattern;
  };
  const text = (value: string): string => {
    const pattern = matcher();
    return pattern ? value.replace(pattern, REDACTED) : value;
  };

  const json = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(
        // Keys too: an error body may use the rejected key itself as a property name.
        Object.entries(value).map(([key, inner]) => [text(key), isSecretName(key) && inner != null ? REDACTED : json(inner)]),
      );
    }
    return value;
  };

  const url = (value: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return text(value);
    }
    if (parsed.username || parsed.password) {
      parsed.username = "";
      parsed.password = "";
    }
    for (const key of [...parsed.searchParams.keys()]) {
      if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
    }
    return text(parsed.toString());
  };

  return { text, url, json };
}

/**
 * Values a request carries under secret-looking names (`?api_key=…`, an `Authorization` header the
 * caller set, a `"token"` in a JSON body): known secrets for that call, so a server echoing them
 * back in free text is masked too.
 */
export function secretsSent(request: { url: string; headers: Headers; body: BodyInit | null }): string[] {
  const found: string[] = [];
  for (const [key, value] of new URL(request.url).searchParams) if (isSecretName(key)) found.push(value);
  request.headers.forEach((value, key) => {
    // "Bearer <token>": the token alone is the secret.
    if (isSecretName(key)) found.push(value, value.split(/\s+/).pop() ?? value);
  });
  const { body } = request;
  if ((typeof body === "string" || body instanceof ArrayBuffer) && /json/i.test(request.headers.get("content-type") ?? "")) {
    try {
      collectSecretValues(JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body)), found);
    } catch {
      // not JSON after all: nothing to collect by name
    }
  }
  return found;
}

function collectSecretValues(value: unknown, found: string[]): void {
  if (typeof value !== "object" || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === "string" && isSecretName(key)) found.push(inner);
    else collectSecretValues(inner, found);
  }
}

function safeBase64(value: string): string | undefined {
  try {
    return btoa(value);
  } catch {
    return undefined; // not Latin-1: it cannot have been sent as Basic credentials by btoa either
  }
}
