// SegmentHub's part of the store: per account, profiles and visitors (attributes, segments) and events.

export interface SegmentHubSubject {
  attributes: Record<string, string | string[]>;
  segments: string[];
}

export interface SegmentHubEvent {
  event: string;
  visitorId: string;
  profileId?: string;
  platform: string;
  at: string;
  fields: Record<string, unknown>;
}

export interface SegmentHubAccount {
  profiles: Record<string, SegmentHubSubject>;
  visitors: Record<string, SegmentHubSubject>;
  events: SegmentHubEvent[];
}

export interface SegmentHubState {
  accounts: Record<string, SegmentHubAccount>;
  /** Campaigns `POST /campaigns/query` returns for every event (the docs only show `[]`). */
  campaigns: Record<string, unknown>[];
}

export const emptyState = (): SegmentHubState => ({ accounts: {}, campaigns: [] });

export function segmentHubAccount(state: SegmentHubState, account: string): SegmentHubAccount {
  const store: SegmentHubAccount = { profiles: {}, visitors: {}, events: [], ...state.accounts[account] };
  state.accounts[account] = store;
  return store;
}
