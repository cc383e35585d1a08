// Collects classified changes, once each: a named schema reached from several operations is reported
// once, noting the operations it reaches.
import type { Change, RuleId } from "./rules.ts";

const SHOWN_VIA = 3;

export class ChangeList {
  private readonly entries = new Map<string, { rule: RuleId; at: string; via: Set<string>; note?: string }>();

  add(rule: RuleId, at: string, options: { via?: string; note?: string } = {}): void {
    const id = `${rule}\0${at}`;
    const entry = this.entries.get(id) ?? { rule, at, via: new Set<string>(), ...(options.note ? { note: options.note } : {}) };
    if (options.via !== undefined && options.via !== at && !at.startsWith(`${options.via} `)) entry.via.add(options.via);
    this.entries.set(id, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  list(): Change[] {
    return [...this.entries.values()].map(({ rule, at, via, note }) => {
      const reaches = [...via];
      const viaText =
        reaches.length === 0
          ? undefined
          : `in ${reaches.slice(0, SHOWN_VIA).join(", ")}${reaches.length > SHOWN_VIA ? ` and ${reaches.length - SHOWN_VIA} more` : ""}`;
      const text = [note, viaText].filter(Boolean).join("; ");
      return { rule, at, ...(text ? { note: text } : {}) };
    });
  }
}
