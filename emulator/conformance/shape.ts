/**
 * Compares a Graph response with a documented example by shape only: every
 * property the example shows must be there with the same JSON type (a
 * documented null accepts any value, an empty array any items); values are
 * never compared. Items of an array must each match one of the documented
 * items. Extra properties are allowed here (the docs shorten their examples);
 * `undeclaredProperties` checks them against the resource page instead.
 */

export interface ShapeOptions {
  /** Paths (`a.b`, `value[].c`) whose documented value is not compared, e.g. where the example contradicts its resource page. */
  ignore?: readonly string[];
  /** Paths where the documented object may also be null in a valid answer (e.g. a partner without a sync policy). */
  nullable?: readonly string[];
  /** Arrays whose items pair up by a key (`responses` → `id` in $batch) instead of by resemblance. */
  matchBy?: Readonly<Record<string, string>>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kind = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function compareShape(expected: unknown, actual: unknown, options: ShapeOptions = {}, path = ""): string[] {
  if (options.ignore?.includes(path)) return [];
  if (expected === null) return [];
  if (actual === null && options.nullable?.includes(path)) return [];
  const want = kind(expected);
  const got = kind(actual);
  if (want !== got) return [`${path || "(body)"}: documented ${want}, got ${got}`];
  if (Array.isArray(expected)) {
    const items = expected as Json[];
    if (items.length === 0) return [];
    const differences: string[] = [];
    const key = options.matchBy?.[path];
    for (const [i, item] of (actual as Json[]).entries()) {
      const candidates = key ? items.filter((d) => kind(d) === "object" && kind(item) === "object" && (d as Record<string, Json>)[key] === (item as Record<string, Json>)[key]) : items;
      if (candidates.length === 0) {
        differences.push(`${path}[${i}]: no documented item with the same ${key}`);
        continue;
      }
      const tries = candidates.map((documented) => compareShape(documented, item, options, `${path}[]`));
      const best = tries.reduce((a, b) => (b.length < a.length ? b : a));
      differences.push(...best.map((d) => d.replace(`${path}[]`, `${path}[${i}]`)));
    }
    return differences;
  }
  if (want === "object") {
    const out: string[] = [];
    const got = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      const at = join(path, key);
      if (options.ignore?.includes(at)) continue;
      if (!Object.prototype.hasOwnProperty.call(got, key)) out.push(`${at}: missing`);
      else out.push(...compareShape(value, got[key], options, at));
    }
    return out;
  }
  return [];
}

/** Properties of an entity that its resource page does not declare (annotations such as @odata.context aside). */
export function undeclaredProperties(entity: unknown, declared: readonly string[]): string[] {
  if (kind(entity) !== "object") return [];
  return Object.keys(entity as Record<string, unknown>).filter((key) => !key.startsWith("@") && !declared.includes(key));
}

/** Follows `a.b`, `value[0]`; `value[]` yields every item. */
export function at(value: unknown, path: string | undefined): unknown[] {
  if (!path) return [value];
  let current: unknown[] = [value];
  for (const part of path.split(".")) {
    const match = /^([^[\]]+)(\[(\d*)\])?$/.exec(part);
    if (!match) throw new Error(`bad path ${path}`);
    const [, key, brackets, index] = match;
    current = current.flatMap((v) => {
      const next = kind(v) === "object" ? (v as Record<string, unknown>)[key as string] : undefined;
      if (!brackets) return [next];
      if (!Array.isArray(next)) return [undefined];
      return index === "" ? next : [next[Number(index)]];
    });
  }
  return current;
}
