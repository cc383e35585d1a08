// The three release levels, as changesets names them, and their order.

/** What a change needs: `major` breaks callers, `minor` adds, `patch` changes nothing they rely on. */
export type Level = "major" | "minor" | "patch";

export const LEVELS: readonly Level[] = ["patch", "minor", "major"];

/** A changeset bump's rank; `none` (a changeset that releases nothing) and unknown bumps rank lowest. */
export const rank = (bump: string): number => LEVELS.indexOf(bump as Level);

export const isLevel = (bump: string): bump is Level => rank(bump) >= 0;

/** The higher of the levels, or undefined for none. */
export const highest = (levels: Iterable<Level>): Level | undefined => {
  let top: Level | undefined;
  for (const level of levels) if (top === undefined || rank(level) > rank(top)) top = level;
  return top;
};
