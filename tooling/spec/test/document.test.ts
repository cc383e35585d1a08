// `@seg/spec/document`: the readings of a parsed spec, for bundled code, without the file system or
// the YAML parser (the sandbox bundles it into its published dist).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as document from "../src/document.ts";
import * as reader from "../src/index.ts";

it("exports the readings of a parsed document, the same functions as the package root", () => {
  for (const name of ["specOperations", "credentialOf", "clientShape", "displayName", "deref", "serverHosts", "camelCase"] as const) {
    expect(document[name], name).toBe(reader[name]);
  }
  expect(Object.keys(document)).not.toContain("readSpec");
});

it("reaches neither the file system nor the YAML parser", () => {
  const sources = ["../src/document.ts", "../src/walk.ts", "../src/auth.ts", "../src/client-shape.ts"].map((file) => readFileSync(new URL(file, import.meta.url), "utf8"));
  const imports = sources.flatMap((source) => [...source.matchAll(/from "([^"]+)"/g)].map((match) => match[1]));
  expect(imports.filter((specifier) => !specifier?.startsWith("./"))).toEqual([]);
});
