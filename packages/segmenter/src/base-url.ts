// Segmenter's base URL is not public (see specs/segmenter.yaml): it is required configuration, with
// no default, checked once when the client is created.
import { checkBaseUrl, requireCredential, SegConfigError } from "@seg/core";

const FIELD = "baseUrl";
const ENV = "SEGMENTER_BASE_URL";

/**
 * The base URL from options or `SEGMENTER_BASE_URL`, as an absolute http(s) URL without a trailing
 * slash, ready for the spec's paths to be appended (`…/segmenter/v1` + `/segments`).
 *
 * Errors never echo the value: a misplaced API key (keys and URLs swapped) or credentials inside the
 * URL must not end up in a message or a log.
 */
export function resolveBaseUrl(value: string | undefined): string {
  let raw: string;
  try {
    raw = requireCredential(value, FIELD, ENV).trim();
  } catch {
    throw new SegConfigError(
      FIELD,
      `is required: Segmenter does not publish its base URL, so pass \`${FIELD}\` or set the ${ENV} environment variable`,
    );
  }
  // `href` percent-encodes what a URL path cannot hold (spaces, `{` and `}`), so nothing in it is
  // taken for a server variable later.
  return new URL(checkBaseUrl(raw, FIELD)).href.replace(/\/+$/, "");
}
