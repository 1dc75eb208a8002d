/** Go formatting helpers used to reproduce upstream error strings byte for byte. */

/** `time.Duration.String()` for a whole number of seconds: `59s`, `1m0s`, `4m5s`, `1h0m0s`. */
export function goDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s === 0) return '0s';
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

/** go-github `formatRateReset`: `[rate reset in 4m05s]`, `[rate reset in 59s]`. */
export function goRateReset(totalSeconds: number): string {
  const negative = totalSeconds < 0;
  const secondsTotal = Math.floor(0.5 + Math.abs(totalSeconds));
  const minutes = Math.floor(secondsTotal / 60);
  const seconds = secondsTotal - minutes * 60;
  const time = minutes > 0 ? `${minutes}m${String(seconds).padStart(2, '0')}s` : `${seconds}s`;
  return negative ? `[rate limit was reset ${time} ago]` : `[rate reset in ${time}]`;
}

/** Go `%v` of a float64: shortest `%g`, exponent form when the exponent is < -4 or >= 6. */
export function goFloatV(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa = '', expPart = '0'] = value.toExponential().split('e');
  const exp = Number(expPart);
  if (exp < -4 || exp >= 6) {
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Go `%T` of a value decoded by encoding/json into `any`. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Go `%q` of a string (strconv.Quote). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch in GO_SHORT_ESCAPES) out += GO_SHORT_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (!/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u.test(ch)) {
      out +=
        cp > 0xffff ? '\\U' + cp.toString(16).padStart(8, '0') : '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

const GO_SHORT_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go `url.QueryEscape`: like encodeURIComponent, but escapes `!*'()` and writes spaces as `+`. */
export function goQueryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!*'()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

/** Go `url.Values.Encode()` (keys sorted) of the non-empty entries; `''` when nothing is left. */
export function goQueryString(params: Record<string, string | number | undefined>): string {
  const keys = Object.keys(params)
    .filter((k) => params[k] !== undefined && params[k] !== '' && params[k] !== 0)
    .sort();
  if (keys.length === 0) return '';
  return '?' + keys.map((k) => `${goQueryEscape(k)}=${goQueryEscape(String(params[k]))}`).join('&');
}
