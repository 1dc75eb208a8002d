/** Go `time.Parse(time.RFC3339, …)` / `time.Parse("2006-01-02", …)` equivalents. */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Milliseconds since the epoch, or undefined when the text is neither RFC 3339 nor YYYY-MM-DD. */
export function parseIsoTimestamp(text: string): number | undefined {
  const full = RFC3339.exec(text);
  if (full) {
    const [, y, mo, d, h, mi, s, frac, zone] = full;
    if (!validDate(Number(y), Number(mo), Number(d))) return undefined;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
    let offsetMin = 0;
    if (zone && zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const [oh = '0', om = '0'] = zone.slice(1).split(':');
      if (Number(oh) > 23 || Number(om) > 59) return undefined;
      offsetMin = sign * (Number(oh) * 60 + Number(om));
    }
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const fraction = frac ? Number(`0${frac}`) * 1000 : 0;
    return ms + fraction - offsetMin * 60_000;
  }
  const date = DATE.exec(text);
  if (date) {
    const [, y, mo, d] = date;
    if (!validDate(Number(y), Number(mo), Number(d))) return undefined;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d));
  }
  return undefined;
}

/** Smallest second-precision RFC 3339 string whose instant is >= `ms` (for `updated_at >= since`). */
export function ceilToIsoSecond(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
