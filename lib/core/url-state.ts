/**
 * A view's state as it lives in the URL query (a filtered view is a shareable link): each field is one
 * query parameter that reads its text, drops what it does not know, and stays out of the URL while it
 * holds its default. `lib/browser/use-url-state` keeps a codec's state in the address bar.
 */

/** One query parameter of a view's state. */
export interface UrlField<V> {
  readonly param: string;
  /** The value when the parameter is missing or not valid; a field holding it is left out of the URL. */
  readonly fallback: V;
  read(raw: string | null): V;
  write(value: V): string;
}

export type UrlFields<T> = { readonly [K in keyof T]: UrlField<T[K]> };

export interface UrlStateCodec<T> {
  /** The state of a URL with no query. */
  readonly defaults: T;
  parse(params: URLSearchParams): T;
  serialize(state: T): URLSearchParams;
}

export const MAX_URL_QUERY_LENGTH = 200;

/** Free text (a search box): cut to `maxLength`, empty by default. */
export function textParam(param: string, maxLength = MAX_URL_QUERY_LENGTH): UrlField<string> {
  return { param, fallback: "", read: (raw) => (raw ?? "").slice(0, maxLength), write: (value) => value };
}

/** One of a known list of words; anything else reads as `fallback` (a default choice, or null for none). */
export function choiceParam<C extends string, F extends C | null>(param: string, choices: readonly C[], fallback: F): UrlField<C | F> {
  return {
    param,
    fallback,
    read: (raw) => (choices.includes(raw as C) ? (raw as C) : fallback),
    write: (value) => value ?? "",
  };
}

export type SortDirection = "asc" | "desc";

/** A sort direction: ascending unless the URL says `desc`. */
export function directionParam(param = "dir"): UrlField<SortDirection> {
  return choiceParam<SortDirection, SortDirection>(param, ["asc", "desc"], "asc");
}

/** A switch that is on when the URL says `1`. */
export function flagParam(param: string): UrlField<boolean> {
  return { param, fallback: false, read: (raw) => raw === "1", write: () => "1" };
}

/** Reads and writes a whole view state, field by field in the order the fields are given. */
export function urlStateCodec<T extends object>(fields: UrlFields<T>): UrlStateCodec<T> {
  const keys = Object.keys(fields) as (keyof T)[];
  const parse = (params: URLSearchParams): T => {
    const state = {} as T;
    for (const key of keys) state[key] = fields[key].read(params.get(fields[key].param));
    return state;
  };
  const serialize = (state: T): URLSearchParams => {
    const params = new URLSearchParams();
    for (const key of keys) {
      const field = fields[key];
      if (state[key] !== field.fallback) params.set(field.param, field.write(state[key]));
    }
    return params;
  };
  return { defaults: parse(new URLSearchParams()), parse, serialize };
}
