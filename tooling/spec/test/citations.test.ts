// Specs cite the vendor documents by title and section: a path would point outside this repository.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { specFile, specVendors } from "../src/index.ts";

/** File names and paths a citation must not use: the documents' folder, their files, absolute or parent paths. */
const PATH_LIKE = [/vendor-docs/i, /\b[\w-]+\.txt\b/, /\bNOTES\.md\b/, /(^|[\s(`"'])(\/(work|home|tmp|Users)\/|\.\.\/)/];

describe.each(specVendors())("specs/%s.yaml", (vendor) => {
  it("cites its sources by title and section, never by a path outside the repository", () => {
    const offending = readFileSync(specFile(vendor), "utf8")
      .split("\n")
      .map((line, index) => ({ line: index + 1, text: line.trim() }))
      .filter(({ text }) => PATH_LIKE.some((pattern) => pattern.test(text)));
    expect(offending).toEqual([]);
  });
});
