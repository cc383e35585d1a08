// Segmenter's part of the store: segments and their persons, by the ids the sandbox made up.

export interface SegmenterPerson {
  id: string;
  externalId: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  substitutionTags: { tag: string; value: string }[];
}

export interface SegmenterSegment {
  id: string;
  name: string;
  description?: string;
  broadcastMediumId?: string;
  segmentType?: string;
  tagId?: string;
  filters: unknown[];
  persons: SegmenterPerson[];
}

export interface SegmenterState {
  segments: Record<string, SegmenterSegment>;
}

export const emptyState = (): SegmenterState => ({ segments: {} });
