/** The generator's fixed clock: everything happens between 2026-01-01 and 200 days later. */
export const BASE_MS = Date.UTC(2026, 0, 1);
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const END_MS = BASE_MS + 200 * DAY_MS;

/** Whole seconds, capped at the end of the generated period. */
export function clampMs(ms: number): number {
  return Math.floor(Math.min(ms, END_MS) / 1000) * 1000;
}
