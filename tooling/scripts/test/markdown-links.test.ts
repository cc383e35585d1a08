import { describe, expect, it } from "vitest";
import { absoluteLinks, isRelative, markdownLinks } from "../src/markdown-links.ts";
import { sourceRepository } from "../src/repository.ts";

const commit = "0123456789abcdef0123456789abcdef01234567";
const github = sourceRepository({ repository: "git+https://github.com/acme/seg.git" }, commit);
const tree = `https://github.com/acme/seg/tree/${commit}`;

describe("absoluteLinks, for packages/segmetrics/README.md", () => {
  it.each<[string, string, string]>([
    ["a file elsewhere in the repository", "[spec](../../specs/segmetrics.yaml)", `[spec](${tree}/specs/segmetrics.yaml)`],
    ["another package, with a fragment", "[errors](../core#errors)", `[errors](${tree}/packages/core#errors)`],
    ["a file beside the README", "[API](./API.md)", `[API](${tree}/packages/segmetrics/API.md)`],
    ["a path from the repository root", "[specs](/specs)", `[specs](${tree}/specs)`],
    ["the repository root", "[home](../..)", `[home](${tree}/)`],
    ["a link with a title", '[core](../core "the runtime")', `[core](${tree}/packages/core "the runtime")`],
    ["an image (raw content)", "![flow](docs/flow.png)", `![flow](https://raw.githubusercontent.com/acme/seg/${commit}/packages/segmetrics/docs/flow.png)`],
    ["a link definition", "[guide]: ../../CONTRIBUTING.md", `[guide]: ${tree}/CONTRIBUTING.md`],
    ["an image in inline HTML", '<img src="docs/logo.svg" alt="">', `<img src="https://raw.githubusercontent.com/acme/seg/${commit}/packages/segmetrics/docs/logo.svg" alt="">`],
    ["a link in inline HTML", "<a href='../core'>core</a>", `<a href='${tree}/packages/core'>core</a>`],
  ])("%s", (_name, given, want) => {
    expect(absoluteLinks(`${given}\n`, "packages/segmetrics", github)).toBe(`${want}\n`);
  });

  it.each<[string, string]>([
    ["an absolute link", "[openapi-fetch](https://openapi-ts.dev/openapi-fetch/)"],
    ["a fragment of the same page", "[below](#errors)"],
    ["a mailto link", "[mail](mailto:team@example.com)"],
    ["an autolink", "<https://example.com/x>"],
    ["a fenced code block", "```ts\nconst x = list[0](y); // [a](../b)\n```"],
    ["inline code", "Write `[text](../relative)` in docs."],
  ])("leaves %s alone", (_name, given) => {
    expect(absoluteLinks(given, "packages/segmetrics", github)).toBe(given);
  });

  it("refuses a link that leaves the repository", () => {
    expect(() => absoluteLinks("x\n\n[up](../../../outside.md)\n", "packages/segmetrics", github)).toThrow(/line 3: the link "\.\.\/\.\.\/\.\.\/outside\.md" points outside the repository/);
  });

  it("finds each kind of link the rewrite handles", () => {
    const links = markdownLinks('[a](x) ![b](y.png) [c][d]\n\n[d]: z\n\n<a href="w">w</a>\n');
    expect(links.map((l) => [l.kind, l.url])).toEqual([["link", "x"], ["image", "y.png"], ["definition", "z"], ["link", "w"]]);
    expect(links.every((l) => isRelative(l.url))).toBe(true);
  });
});
