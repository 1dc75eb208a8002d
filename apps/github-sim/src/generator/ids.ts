/** Database-id counters shared by the generator and the store, so new records never collide. */
export interface IdCounters {
  repo: number;
  issue: number;
  comment: number;
  label: number;
  milestone: number;
  reaction: number;
}

export function initialCounters(): IdCounters {
  return {
    repo: 910_000_000,
    issue: 3_300_000_000,
    comment: 2_345_600_000,
    label: 208_045_946,
    milestone: 9_000_000,
    reaction: 987_000_000,
  };
}

export function nextId(counters: IdCounters, kind: keyof IdCounters): number {
  counters[kind] += 1;
  return counters[kind];
}
