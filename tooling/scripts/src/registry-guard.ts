// Where `pnpm release` may publish, and with which credentials: only a private registry the user
// names, never the public one, with exactly one of the three ways npm authenticates.

export const REGISTRY_URL_VAR = "SEG_REGISTRY_URL";
export const REGISTRY_TOKEN_VAR = "SEG_REGISTRY_TOKEN";
export const REGISTRY_AUTH_VAR = "SEG_REGISTRY_AUTH";
export const REGISTRY_USERNAME_VAR = "SEG_REGISTRY_USERNAME";
export const REGISTRY_PASSWORD_VAR = "SEG_REGISTRY_PASSWORD";

/** Domains of the public registry (npm's and yarn's mirror of it), their subdomains included. */
const PUBLIC_REGISTRY_DOMAINS = ["npmjs.org", "npmjs.com", "yarnpkg.com"];

export type AuthKind = "token" | "basic" | "password";

/**
 * How npm authenticates to the registry, as the per-registry npmrc settings it reads: `_authToken`
 * (a bearer token), `_auth` (Basic: base64 of `user:password`, as Nexus and Artifactory issue), or
 * `username` + `_password` (the password base64-encoded). The values live in a private field, so
 * util.inspect, JSON.stringify and error messages never show them.
 */
export class RegistryAuth {
  readonly #settings: ReadonlyArray<readonly [key: string, value: string]>;

  private constructor(
    readonly kind: AuthKind,
    settings: ReadonlyArray<readonly [string, string]>,
  ) {
    this.#settings = settings;
  }

  static token(token: string): RegistryAuth {
    return new RegistryAuth("token", [["_authToken", token]]);
  }

  static basic(auth: string): RegistryAuth {
    return new RegistryAuth("basic", [["_auth", auth]]);
  }

  static password(username: string, password: string): RegistryAuth {
    return new RegistryAuth("password", [
      ["username", username],
      ["_password", Buffer.from(password, "utf8").toString("base64")],
    ]);
  }

  /** The npmrc settings, each to be keyed by the registry's nerf dart (`//host/path/:key=value`). */
  settings(): ReadonlyArray<readonly [string, string]> {
    return this.#settings;
  }

  toJSON(): { kind: AuthKind } {
    return { kind: this.kind };
  }
}

export interface PublishRegistry {
  /** The registry URL, normalised to end in `/` (`https://npm.example.com/repository/npm/`). */
  url: string;
  auth: RegistryAuth;
}

/** Raised before anything is built or published; the message names the variable to fix. */
export class RegistryConfigError extends Error {
  override name = "RegistryConfigError";
}

export function isPublicRegistry(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  return PUBLIC_REGISTRY_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const SETUP =
  `set ${REGISTRY_URL_VAR} to your private registry (e.g. https://npm.example.com/) and one way to authenticate to it: ` +
  `${REGISTRY_TOKEN_VAR} (a token), ${REGISTRY_AUTH_VAR} (base64 of user:password, npm's _auth), ` +
  `or ${REGISTRY_USERNAME_VAR} and ${REGISTRY_PASSWORD_VAR}`;

/** Reads the registry URL from SEG_REGISTRY_URL, refusing anything but a private http(s) registry. */
export function registryUrl(env: NodeJS.ProcessEnv): URL {
  const raw = env[REGISTRY_URL_VAR]?.trim();
  if (!raw) {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} is not set: \`pnpm release\` publishes only to a private registry. Fix: ${SETUP}.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} is not a URL. Fix: ${SETUP}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} must be an http(s) URL, got a ${url.protocol} URL. Fix: ${SETUP}.`);
  }
  if (url.username || url.password) {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} contains credentials; give them in ${REGISTRY_TOKEN_VAR}, ${REGISTRY_AUTH_VAR} or ${REGISTRY_USERNAME_VAR}/${REGISTRY_PASSWORD_VAR} instead, never in the URL.`);
  }
  if (isPublicRegistry(url)) {
    throw new RegistryConfigError(
      `${REGISTRY_URL_VAR} points at the public npm registry (${url.hostname}): refusing to publish. ` +
        `seg's packages go to your company's private registry only. Fix: ${SETUP}.`,
    );
  }
  return url;
}

/** Reads exactly one of the three ways to authenticate; refuses none, two, or half of one. */
export function registryAuth(env: NodeJS.ProcessEnv, origin: string): RegistryAuth {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const token = value(REGISTRY_TOKEN_VAR);
  const basic = value(REGISTRY_AUTH_VAR);
  const username = value(REGISTRY_USERNAME_VAR);
  const password = env[REGISTRY_PASSWORD_VAR] || undefined; // a password may have meaningful spaces
  const given = [
    token && REGISTRY_TOKEN_VAR,
    basic && REGISTRY_AUTH_VAR,
    (username ?? password) && `${REGISTRY_USERNAME_VAR}/${REGISTRY_PASSWORD_VAR}`,
  ].filter((name): name is string => Boolean(name));
  if (given.length === 0) {
    throw new RegistryConfigError(`no credentials for ${origin}: publishing needs one way to authenticate. Fix: ${SETUP}.`);
  }
  if (given.length > 1) {
    throw new RegistryConfigError(`${given.join(" and ")} are ${given.length === 2 ? "both" : "all"} set: set only one way to authenticate to ${origin}.`);
  }
  if (token) return RegistryAuth.token(token);
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(basic) || colon < 1) {
      throw new RegistryConfigError(
        `${REGISTRY_AUTH_VAR} is not base64 of "user:password" (what npm's _auth holds). Fix: set it to the output of \`printf %s 'user:password' | base64\`.`,
      );
    }
    return RegistryAuth.basic(basic);
  }
  if (!username || !password) {
    const missing = username ? REGISTRY_PASSWORD_VAR : REGISTRY_USERNAME_VAR;
    throw new RegistryConfigError(`${missing} is not set: ${REGISTRY_USERNAME_VAR} and ${REGISTRY_PASSWORD_VAR} go together.`);
  }
  return RegistryAuth.password(username, password);
}

/** The private registry and its credentials, from the environment; see `registryUrl` and `registryAuth`. */
export function publishRegistry(env: NodeJS.ProcessEnv): PublishRegistry {
  const url = registryUrl(env);
  const auth = registryAuth(env, url.origin);
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { url: `${url.origin}${pathname}`, auth };
}
