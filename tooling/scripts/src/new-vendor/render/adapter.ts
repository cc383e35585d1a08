// packages/<vendor>/src/adapter.ts: the facade adapter, a stub that takes part in no unified call
// until someone maps the vendor's operations onto them (packages/sdk's README, "mapping").
import type { VendorFacts } from "../facts.ts";

export const adapterTs = ({ vendor, pascal, camel, title }: VendorFacts): string => `// \`@seg/${vendor}/adapter\`: ${title} in @seg/sdk's unified calls. Written by \`pnpm new-vendor\` as a
// stub: no unified operation is mapped yet, so each is reported as skipped, with the reason. Map one
// by calling the client here (see @seg/segmetrics/adapter) and setting \`personKey\`.
import type { VendorAdapter } from "@seg/core";
import type { ${pascal}Client } from "./client.ts";

const NOT_MAPPED = "${title}'s adapter maps no unified call yet: use the client (seg.vendors.${vendor})";

/** The facade adapter for a ${title} client: \`createSeg({ ${vendor}: ${camel}Adapter(client) })\`. */
export function ${camel}Adapter(client: ${pascal}Client): VendorAdapter<${pascal}Client, never> {
  return {
    vendor: "${vendor}",
    client,
    personKey: null, // no unified person call is mapped
    upsertPerson: () => ({ skipped: NOT_MAPPED }),
    addTags: () => ({ skipped: NOT_MAPPED }),
    removeTags: () => ({ skipped: NOT_MAPPED }),
    recordPurchase: () => ({ skipped: NOT_MAPPED }),
    getProfile: () => ({ skipped: NOT_MAPPED }),
  };
}
`;
