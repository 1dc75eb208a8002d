/**
 * Serialises like Go's `encoding/json.Marshal`: besides JSON.stringify's escaping it writes
 * `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`.
 * Key order is the insertion order of the objects passed in (build them in Go struct order,
 * or sorted for Go maps).
 */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.replace(GO_ESCAPED, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/** Copy of a plain object with its keys sorted, as Go marshals `map[string]any`. */
export function sortedKeys<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort(compareBytes)) out[key] = obj[key];
  return out as T;
}

/** Byte-wise string comparison (Go's sort order for map keys). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
