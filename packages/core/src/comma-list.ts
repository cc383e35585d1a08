// Types only: a query parameter the spec sends as ONE comma-separated value (`style: form`,
// `explode: false`, e.g. SegMetrics' `extend=tags,events`). The docs write it as one string, so the
// generated types accept that string as well as the array.

type Literal = string | number;

/** The items joined by commas, each at most once, in any order; exact up to five items. */
type Joined<Items, All, Depth extends 0[]> = Items extends Literal
  ? Depth["length"] extends 4
    ? `${Items}` | ([Exclude<All, Items>] extends [never] ? never : `${Items},${string}`)
    : `${Items}` | `${Items},${Joined<Exclude<All, Items>, Exclude<All, Items>, [...Depth, 0]>}`
  : never;

/** One item, or several joined by commas: `"tags"`, `"tags,events"`. Any string for open item types. */
export type JoinedList<Items> = string extends Items ? string : number extends Items ? string : Joined<Items, Items, []>;

/**
 * A comma-separated list parameter: the array (`["tags", "events"]`, joined for you) or the string
 * as the docs write it (`"tags,events"`). A string is sent as given (its commas percent-encoded,
 * which servers decode back).
 */
export type CommaList<List extends readonly unknown[]> = List | JoinedList<List[number]>;
