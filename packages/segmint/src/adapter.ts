// `@seg/segmint/adapter`: Segmint in @seg/sdk's unified calls. Its documented API has campaigns and
// the token exchange only, so every unified operation is reported as skipped, with the reason.
import type { VendorAdapter } from "@seg/core";
import type { SegmintClient } from "./client.ts";

const skipped = {
  skipped: "Segmint documents no person, tag or order operations (only campaigns; customer insights and data cleansing are undocumented)",
};

/** The facade adapter for a Segmint client: `createSeg({ segmint: segmintAdapter(client) })`. */
export function segmintAdapter(client: SegmintClient): VendorAdapter<SegmintClient, never> {
  return {
    vendor: "segmint",
    client,
    personKey: null, // keeps no people
    upsertPerson: () => skipped,
    addTags: () => skipped,
    removeTags: () => skipped,
    recordPurchase: () => skipped,
    getProfile: () => skipped,
  };
}
