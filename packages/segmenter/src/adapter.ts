// `@seg/segmenter/adapter`: Segmenter in @seg/sdk's unified calls. Segmenter keeps people only as
// members of a segment, replaced wholesale, with no way to read a segment back, so none of the
// unified operations can be done safely: each is reported as skipped, with the reason.
import type { VendorAdapter } from "@seg/core";
import type { SegmenterClient } from "./client.ts";

const reasons = {
  person: "Segmenter has no person call: people exist only as members of a segment (use createSegment/updateSegment)",
  tags:
    "Segmenter's update replaces a segment's whole person list and no call reads the current list back, " +
    "so one person cannot be added or removed without risking the others",
  purchase: "Segmenter has no orders",
  profile: "Segmenter documents no read endpoint",
};

/** The facade adapter for a Segmenter client: `createSeg({ segmenter: segmenterAdapter(client) })`. */
export function segmenterAdapter(client: SegmenterClient): VendorAdapter<SegmenterClient, never> {
  return {
    vendor: "segmenter",
    client,
    personKey: null, // keeps no people
    upsertPerson: () => ({ skipped: reasons.person }),
    addTags: () => ({ skipped: reasons.tags }),
    removeTags: () => ({ skipped: reasons.tags }),
    recordPurchase: () => ({ skipped: reasons.purchase }),
    getProfile: () => ({ skipped: reasons.profile }),
  };
}
