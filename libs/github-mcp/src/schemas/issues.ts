import { z } from 'zod';
import {
  count,
  serverText,
  fieldValues,
  flag,
  minimalUser,
  names,
  optionalString,
  reactions,
} from './common.js';

/** `list_issues` item: GraphQL casing, `user{login}`, label names, no id. */
export const listIssuesItemSchema = z.object({
  number: z.number().int(),
  title: serverText,
  body: serverText,
  state: z.enum(['OPEN', 'CLOSED']),
  user: minimalUser,
  labels: names,
  assignees: names,
  comments: count,
  created_at: z.string(),
  updated_at: z.string(),
  field_values: fieldValues,
});

export const listIssuesResultSchema = z.object({
  issues: z.array(listIssuesItemSchema),
  totalCount: z.number().int(),
  pageInfo: z.object({
    hasNextPage: z.boolean(),
    hasPreviousPage: flag,
    startCursor: optionalString,
    endCursor: optionalString,
  }),
});

const issueRef = z.object({
  number: z.number().int(),
  title: serverText,
  state: z.string(),
  url: z.string(),
  repository: optionalString,
});

const stateReason = z
  .enum(['completed', 'not_planned', 'duplicate', 'reopened'])
  .nullish()
  .transform((v) => v ?? null);

/** `issue_read` method `get`: REST casing, no `id`/`node_id`. */
export const issueSchema = z.object({
  number: z.number().int(),
  title: serverText,
  body: serverText,
  state: z.enum(['open', 'closed']),
  state_reason: stateReason,
  draft: flag,
  locked: flag,
  html_url: z.string(),
  user: minimalUser,
  author_association: optionalString,
  labels: names,
  assignees: names,
  milestone: optionalString,
  comments: count,
  reactions,
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: optionalString,
  closed_by: optionalString,
  issue_type: optionalString,
  field_values: fieldValues,
  has_parent: z.boolean().optional(),
  has_children: z.boolean().optional(),
  parent: issueRef.optional(),
  sub_issues_summary: z.object({ total: count, completed: count, percent_completed: count }).optional(),
  closed_by_pull_requests: z
    .object({
      total_count: count,
      references: z
        .array(issueRef)
        .nullish()
        .transform((v) => v ?? []),
    })
    .optional(),
});

/** `issue_read` method `get_comments` item (MinimalIssueComment); `id` is a number here. */
export const issueCommentSchema = z.object({
  id: z.number().int(),
  body: serverText,
  html_url: z.string(),
  user: minimalUser,
  author_association: optionalString,
  reactions,
  created_at: z.string(),
  updated_at: z.string(),
});

export const issueCommentsSchema = z.array(issueCommentSchema);

/** `issue_read` method `get_labels`: GraphQL map (sorted keys), label text is not sanitised. */
export const issueLabelsSchema = z.object({
  labels: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z
        .string()
        .nullish()
        .transform((v) => v ?? ''),
      description: z
        .string()
        .nullish()
        .transform((v) => v ?? ''),
    }),
  ),
  totalCount: z.number().int(),
});

/** `search_issues` item with `fields`: REST casing, the full milestone object. */
export const searchIssueItemSchema = z.object({
  number: z.number().int(),
  state: z.enum(['open', 'closed']).optional(),
  state_reason: stateReason,
  milestone: z
    .object({ title: z.string() })
    .nullish()
    .transform((v) => v?.title ?? null),
  updated_at: optionalString,
  closed_at: optionalString,
});

export const searchIssuesResultSchema = z.object({
  total_count: z.number().int(),
  incomplete_results: flag,
  items: z.array(searchIssueItemSchema),
});
