// Types only: HTTP statuses as literals, so a result can be narrowed by `status` (see result.ts).

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

type ToNumber<Text> = Text extends `${infer N extends number}` ? N : never;

/** Every status of one class, as number literals: `StatusClass<4>` is `400 | 401 | … | 499`. */
export type StatusClass<Hundreds extends 2 | 3 | 4 | 5> = ToNumber<`${Hundreds}${Digit}${Digit}`>;

/**
 * Every status a result can have. `fetch` gives a `Response` a status of 200–599 (lower ones are
 * not delivered, higher ones are refused), so this union is exhaustive.
 */
export type HttpStatus = StatusClass<2 | 3 | 4 | 5>;

/** The statuses a response key of a spec stands for: `404` itself, `"4XX"` the whole class. */
export type StatusesOfKey<Key> = Key extends number
  ? Key
  : Key extends `${infer Hundreds extends 2 | 3 | 4 | 5}XX`
    ? StatusClass<Hundreds>
    : never;
