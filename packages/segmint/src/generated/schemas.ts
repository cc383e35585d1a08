/**
 * This file was generated from specs/segmint.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

// Every schema of the spec, by its name.
export type {
  GrantType,
  TokenRequestForm,
  TokenResponse,
  TokenResponseAccessToken,
  TokenResponseToken,
  Campaign,
  Error,
} from "./schema.ts";
