// Segmint's part of the store: the tokens it issued, and the campaigns `GET /campaigns/{id}` knows.

export interface SegmintToken {
  username: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface SegmintState {
  /** Issued tokens by value. */
  tokens: Record<string, SegmintToken>;
  /** Campaign details by id, as `GET /campaigns/{campaignId}` returns them. */
  campaigns: Record<string, Record<string, unknown>>;
}

/** The campaigns a fresh sandbox knows. `1234` is absent on purpose: the docs' example of a 404. */
export const DEFAULT_CAMPAIGNS: Readonly<Record<string, Record<string, unknown>>> = {
  "1001": { id: "1001", name: "Spring Savings", status: "active", channel: "email", startDate: "2024-03-01" },
  "1002": { id: "1002", name: "Holiday Rewards", status: "completed", channel: "direct-mail", startDate: "2023-11-15" },
};

export const emptyState = (): SegmintState => ({ tokens: {}, campaigns: structuredClone(DEFAULT_CAMPAIGNS) });
