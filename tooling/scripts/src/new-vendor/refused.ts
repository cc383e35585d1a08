/** `pnpm new-vendor` refusing a name or a spec; the message says what to fix. Nothing has been written. */
export class NewVendorRefused extends Error {
  override name = "NewVendorRefused";
}
