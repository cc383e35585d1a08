import { version } from "../package.json" with { type: "json" };

/** `@seg/segmetrics/1.2.0 @seg/core/0.3.0`: names the vendor package and the runtime under it. */
export const userAgent = (pkg: { name: string; version: string }): string =>
  `${pkg.name}/${pkg.version} @seg/core/${version}`;
