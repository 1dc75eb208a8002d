/** Go `time.Duration.String()` text, e.g. `12m34s`, `1h0m0s`, `4m05s`, `1.5s`, `300ms`. */
export const GO_DURATION_SOURCE = '(?:\\d+(?:\\.\\d+)?(?:h|ms|m|s|us|µs|μs|ns))+';

const UNIT_MS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  μs: 0.001,
  ns: 0.000001,
};

const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g;
const WHOLE = new RegExp(`^${GO_DURATION_SOURCE}$`);

/** Milliseconds of a Go duration string, rounded; undefined when the text is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(PART)) {
    const [, amount, unit] = match;
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0);
  }
  return Math.round(total);
}
