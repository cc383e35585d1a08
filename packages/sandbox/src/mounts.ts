// Where the embedded specs' vendors are served (the public `MOUNTS`).
import { vendorCatalog } from "./vendors/catalog.ts";
import type { Mount } from "./vendors/mounts.ts";

export const MOUNTS: readonly Mount[] = vendorCatalog().flatMap((vendor) => vendor.mounts);
