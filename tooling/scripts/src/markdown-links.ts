// Links in a package's Markdown files (README.md, CHANGELOG.md). In the repository a relative link
// (`../core`, `../../specs/segmetrics.yaml`) works; on a registry page it is broken. At pack time
// every relative link is rewritten to the same file in the source repository at the released commit.
// The Markdown is parsed (mdast-util-from-markdown), so code blocks and inline code are never touched.
import path from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { SourceRepository } from "./repository.ts";

export interface MarkdownLink {
  /** An `<img src>` in inline HTML is an image, an `<a href>` a link. */
  kind: "link" | "image" | "definition";
  url: string;
  /** 1-based line of the link, for messages. */
  line: number;
  /** Offsets of the URL itself in the source text. */
  start: number;
  end: number;
}

/** Not absolute (`https:`, `mailto:`, `//host`) and not a fragment of the same page (`#errors`). */
export const isRelative = (url: string): boolean => url !== "" && !url.startsWith("#") && !url.startsWith("//") && !/^[a-z][a-z\d+.-]*:/i.test(url);

/** The part of an mdast node this module reads. */
interface MdNode {
  type: string;
  url?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

const HTML_URL = /\b(href|src)\s*=\s*(["'])(.*?)\2/gi;

function locate(source: string, node: MdNode, from: number, kind: MarkdownLink["kind"]): MarkdownLink {
  const url = node.url ?? "";
  const start = source.indexOf(url, from);
  const end = node.position?.end.offset ?? source.length;
  const line = node.position?.start.line ?? 0;
  if (start === -1 || start >= end) throw new Error(`line ${line}: cannot find the link target "${url}" in the Markdown source`);
  return { kind, url, line, start, end: start + url.length };
}

/** Every link, image and link definition in the text, and every `href`/`src` in its inline HTML. */
export function markdownLinks(source: string): MarkdownLink[] {
  const found: MarkdownLink[] = [];
  const visit = (node: MdNode): void => {
    const begin = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? begin;
    const text = source.slice(begin, end);
    if (node.type === "link" || node.type === "image") {
      // The target follows the last `](` of `[text](target "title")`; `<https://…>` autolinks have none.
      const open = text.lastIndexOf("](");
      if (open !== -1) found.push(locate(source, node, begin + open + 2, node.type));
    } else if (node.type === "definition") {
      found.push(locate(source, node, begin + text.indexOf("]:") + 2, "definition"));
    } else if (node.type === "html") {
      for (const match of text.matchAll(HTML_URL)) {
        const url = match[3] ?? "";
        const start = begin + match.index + match[0].length - url.length - 1;
        const kind = match[1]?.toLowerCase() === "src" ? "image" : "link";
        found.push({ kind, url, line: node.position?.start.line ?? 0, start, end: start + url.length });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(fromMarkdown(source));
  return found;
}

/**
 * The text with each relative link replaced by its absolute URL in `repository`. `fileDir` is the
 * directory of the Markdown file relative to the repository root (`packages/segmetrics`).
 */
export function absoluteLinks(source: string, fileDir: string, repository: SourceRepository): string {
  let text = source;
  // From the last link to the first, so the earlier offsets stay valid.
  for (const link of markdownLinks(source).filter((l) => isRelative(l.url)).reverse()) {
    const [beforeFragment = "", fragment] = link.url.split(/#(.*)/s, 2);
    const target = decodeURIComponent(beforeFragment.replace(/\?.*$/s, ""));
    const resolved = path.posix.normalize(target.startsWith("/") ? target.slice(1) : path.posix.join(fileDir, target));
    if (resolved === ".." || resolved.startsWith("../")) {
      throw new Error(`line ${link.line}: the link "${link.url}" points outside the repository`);
    }
    const file = resolved === "." ? "" : resolved.replace(/\/$/, "");
    const absolute = link.kind === "image" ? repository.raw(file) : repository.browse(file, fragment || undefined);
    text = `${text.slice(0, link.start)}${absolute}${text.slice(link.end)}`;
  }
  return text;
}
