import { z } from 'zod';

/** A 1-based page number of a query (`max` caps how deep a caller may page). */
export function pageNumber(max?: number) {
  const page = z.coerce.number().int().min(1);
  return (max === undefined ? page : page.max(max)).default(1);
}

/** How many results a page holds: 1 to 100, `defaultSize` when not given. */
export function pageSize(defaultSize = 50) {
  return z.coerce.number().int().min(1).max(100).default(defaultSize);
}

/** The `page` and `per_page` fields of a list query, to spread into its schema. */
export function pageFields(options: { perPage?: number; maxPage?: number } = {}) {
  return { page: pageNumber(options.maxPage), per_page: pageSize(options.perPage) };
}

export interface PageInput {
  page: number;
  per_page: number;
}

/** The page a repository or service is asked for (camelCase, as the libs take it). */
export function pageRange(input: PageInput): { page: number; perPage: number } {
  return { page: input.page, perPage: input.per_page };
}

/** The answer of a list route: one page of results and how many there are in all. */
export function presentPage<T>(input: PageInput, results: T[], total: number) {
  return { results, page: input.page, per_page: input.per_page, total };
}
