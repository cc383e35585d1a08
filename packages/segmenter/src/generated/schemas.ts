/**
 * This file was generated from specs/segmenter.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

// Every schema of the spec, by its name.
export type {
  CreateSegmentRequest,
  UpdateSegmentRequest,
  Filters,
  Person,
  SubstitutionTag,
  CreateSegmentResponse,
  CreatedPerson,
  UpdateSegmentResponse,
  UpdateSegmentFailure,
  HttpError,
} from "./schema.ts";
