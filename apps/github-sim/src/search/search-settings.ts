/** How the simulated search API behaves (`search_issues`, `search_repositories`): its rate bucket, result cap and index lag. */
export interface SearchSettings {
  /** Searches per user per minute window (GitHub's search bucket: 30). */
  perMinute: number;
  /** Results a query can reach through paging (GitHub: the first 1,000). */
  maxResults: number;
  /** How far the search index trails the truth, in ms (GitHub: seconds to minutes; default 0). */
  lagMs: number;
}

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = { perMinute: 30, maxResults: 1000, lagMs: 0 };

/** Validates a partial settings object (admin route, options); a message for a bad value. */
export function parseSearchSettings(input: unknown): Partial<SearchSettings> | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'body must be an object';
  const out: Partial<SearchSettings> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key !== 'perMinute' && key !== 'maxResults' && key !== 'lagMs') return `unknown setting "${key}"`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      return `${key} must be a non-negative integer`;
    if (key !== 'lagMs' && value === 0) return `${key} must be at least 1`;
    out[key] = value;
  }
  return out;
}
