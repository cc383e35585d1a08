// Where `pnpm release` may publish: only a private registry the user names, never the public one.

export const REGISTRY_URL_VAR = "SEG_REGISTRY_URL";
export const REGISTRY_TOKEN_VAR = "SEG_REGISTRY_TOKEN";

/** Domains of the public registry (npm's and yarn's mirror of it), their subdomains included. */
const PUBLIC_REGISTRY_DOMAINS = ["npmjs.org", "npmjs.com", "yarnpkg.com"];

export interface PublishRegistry {
  /** The registry URL, normalised to end in `/` (`https://npm.example.com/repository/npm/`). */
  url: string;
  token: string;
}

/** Raised before anything is built or published; the message names the variable to fix. */
export class RegistryConfigError extends Error {
  override name = "RegistryConfigError";
}

export function isPublicRegistry(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  return PUBLIC_REGISTRY_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * Reads the private registry from SEG_REGISTRY_URL and SEG_REGISTRY_TOKEN, refusing (with a
 * RegistryConfigError) when either is missing, the URL is not http(s), carries credentials, or
 * points at the public registry.
 */
export function publishRegistry(env: NodeJS.ProcessEnv): PublishRegistry {
  const raw = env[REGISTRY_URL_VAR]?.trim();
  const setup = `set ${REGISTRY_URL_VAR} to your private registry (e.g. https://npm.example.com/) and ${REGISTRY_TOKEN_VAR} to a token that may publish to it`;
  if (!raw) {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} is not set: \`pnpm release\` publishes only to a private registry. Fix: ${setup}.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} is not a URL. Fix: ${setup}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} must be an http(s) URL, got a ${url.protocol} URL. Fix: ${setup}.`);
  }
  if (url.username || url.password) {
    throw new RegistryConfigError(`${REGISTRY_URL_VAR} contains credentials; put the token in ${REGISTRY_TOKEN_VAR} instead, never in the URL.`);
  }
  if (isPublicRegistry(url)) {
    throw new RegistryConfigError(
      `${REGISTRY_URL_VAR} points at the public npm registry (${url.hostname}): refusing to publish. ` +
        `seg's packages go to your company's private registry only. Fix: ${setup}.`,
    );
  }
  const token = env[REGISTRY_TOKEN_VAR]?.trim();
  if (!token) {
    throw new RegistryConfigError(`${REGISTRY_TOKEN_VAR} is not set: publishing to ${url.origin} needs a token. Fix: ${setup}.`);
  }
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { url: `${url.origin}${pathname}`, token };
}
