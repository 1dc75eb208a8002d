/**
 * Input-schema properties that several upstream snaps carry word for word, written once. Upstream builds
 * them with one helper each too (`pkg/github/server.go`: `WithPagination` adds `page` and `perPage`,
 * `WithCursorPagination` `perPage` alone); a snap spreads them where its sorted keys put them, so the
 * serialised snap is the same byte for byte. Nothing may modify them (liveTool clones a snap first).
 */

/** `perPage` as every paginated tool declares it. */
export const PER_PAGE_PROPERTY = {
  description: 'Results per page for pagination (min 1, max 100)',
  maximum: 100,
  minimum: 1,
  type: 'number',
} as const;

/** `page` and `perPage` of a page-numbered tool (upstream `WithPagination`). */
export const PAGINATION_PROPERTIES = {
  page: {
    description: 'Page number for pagination (min 1)',
    minimum: 1,
    type: 'number',
  },
  perPage: PER_PAGE_PROPERTY,
} as const;

/** `owner` and `repo` as most repository tools word them (issue_read words them otherwise). */
export const OWNER_PROPERTY = { description: 'Repository owner', type: 'string' } as const;
export const REPO_PROPERTY = { description: 'Repository name', type: 'string' } as const;
