// Segmenter: segments created with their persons, and updated with the documented replace
// semantics — the persons sent become the segment's persons (people not sent are removed; an empty
// array removes everyone), a person sent again keeps its id and has its substitution tags updated.
import { ok } from "../../reply.ts";
import type { VendorModule } from "../module.ts";
import { errors } from "./errors.ts";
import { emptyState, type SegmenterPerson, type SegmenterSegment, type SegmenterState } from "./state.ts";

type NextId = (kind: string, prefix: string) => string;

interface PersonInput {
  externalId: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  phoneNumber?: string;
  email?: string;
  substitutionTags?: { tag: string; value: string }[];
}

interface SegmentInput {
  id?: string;
  name?: string;
  description?: string;
  broadcastMediumId?: string;
  segmentType?: string;
  TagId?: string;
  tagId?: string;
  filters?: unknown[];
  persons?: PersonInput[];
}

function mergeTags(current: SegmenterPerson["substitutionTags"], given: PersonInput["substitutionTags"] = []): SegmenterPerson["substitutionTags"] {
  const merged = current.map((tag) => ({ ...tag }));
  for (const { tag, value } of given) {
    const existing = merged.find((t) => t.tag === tag);
    if (existing) existing.value = value;
    else merged.push({ tag, value });
  }
  return merged;
}

function person(nextId: NextId, input: PersonInput, previous?: SegmenterPerson): SegmenterPerson {
  const phone = input.phone ?? input.phoneNumber;
  return {
    id: previous?.id ?? nextId("segmenter.person", "sbx-person-"),
    externalId: input.externalId,
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    substitutionTags: mergeTags(previous?.substitutionTags ?? [], input.substitutionTags),
  };
}

/** Persons with the same externalId in one request: the last one wins. */
function uniquePersons(persons: readonly PersonInput[]): PersonInput[] {
  return [...new Map(persons.map((p) => [p.externalId, p])).values()];
}

function metadata(input: SegmentInput): Partial<SegmenterSegment> {
  const tagId = input.TagId ?? input.tagId;
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.broadcastMediumId !== undefined ? { broadcastMediumId: input.broadcastMediumId } : {}),
    ...(input.segmentType !== undefined ? { segmentType: input.segmentType } : {}),
    ...(tagId !== undefined ? { tagId } : {}),
    ...(input.filters !== undefined ? { filters: input.filters } : {}),
  };
}

export type { SegmenterState } from "./state.ts";

export const module: VendorModule<SegmenterState> = {
  errors,
  state: { empty: emptyState },
  handlers: {
    createSegment: (call, { state, nextId }) => {
      const input = call.body as SegmentInput;
      const segment: SegmenterSegment = {
        id: nextId("segmenter.segment", "sbx-segment-"),
        name: input.name ?? "",
        filters: [],
        ...metadata(input),
        persons: uniquePersons(input.persons ?? []).map((p) => person(nextId, p)),
      };
      state.segments[segment.id] = segment;
      return ok({
        data: {
          id: segment.id,
          persons: segment.persons.map((p) => ({ id: p.id, externalId: p.externalId, ...(p.email !== undefined ? { email: p.email } : {}) })),
        },
        errorMessage: "",
      });
    },
    updateSegment: (call, { state, nextId }) => {
      const input = call.body as SegmentInput & { id: string; persons: PersonInput[] };
      const segment = state.segments[input.id];
      // "When the response is unsuccessful, it will show that it has not been updated, i.e. false".
      if (!segment) return ok({ data: { isUpdated: false }, errorMessage: `Segment ${input.id} not found` });
      const previous = new Map(segment.persons.map((p) => [p.externalId, p]));
      Object.assign(segment, metadata(input));
      // The documented replace: the persons sent are the segment's persons from now on.
      segment.persons = uniquePersons(input.persons).map((p) => person(nextId, p, previous.get(p.externalId)));
      return ok({ data: { isUpdated: true }, errorMessage: "" });
    },
  },
};
