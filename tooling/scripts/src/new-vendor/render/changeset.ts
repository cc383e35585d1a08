// .changeset/<vendor>-first-release.md: the new package's first release, and the packages that
// change with it (the facade peers on it; the sandbox serves it).
import type { VendorFacts } from "../facts.ts";

export const firstReleaseChangeset = ({ vendor, pascal, title, shape }: VendorFacts): string => `---
"@seg/${vendor}": minor
"@seg/sandbox": minor
"@seg/sdk": minor
---

First release of \`@seg/${vendor}\`: every operation of the ${title} API, typed from \`specs/${vendor}.yaml\`,
with \`create${pascal}Client({ ${shape.options.map((option) => option.name).join(", ")} })\`. The sandbox serves ${title}, and
\`@seg/sdk\` accepts \`@seg/${vendor}\` as an optional peer.
`;
