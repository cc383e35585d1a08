// The bits of Markdown the reference is written in.

/** Text for one table cell: one line, `|` escaped. */
export const cell = (text: string): string => text.replace(/\s+/g, " ").trim().replaceAll("|", "\\|");

/** Inline code, with `|` escaped so it can sit in a table cell. */
export const code = (text: string): string => `\`${text.replaceAll("|", "\\|")}\``;

/** A GitHub-flavoured table; cells are used as given (escape them with `cell`/`code`). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The heading anchor GitHub gives an operationId heading (`## upsertContact` → `upsertcontact`). */
export const anchor = (operationId: string): string => operationId.toLowerCase();

/** The description of a spec node as one paragraph (undefined when it has none). */
export const prose = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
