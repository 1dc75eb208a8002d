import { z } from 'zod';
import { count, serverText, flag, minimalUser, names, optionalString } from './common.js';

const branch = z.object({
  ref: z.string(),
  sha: z.string(),
  repo: z
    .object({ full_name: z.string(), description: optionalString })
    .nullish()
    .transform((v) => v ?? null),
});

/**
 * MinimalPullRequest (`list_pull_requests`, `pull_request_read`). From `list_pull_requests` the counters are absent and `merged`
 * is always false (use `merged_at`).
 */
export const pullRequestSchema = z.object({
  number: z.number().int(),
  title: serverText,
  body: serverText,
  state: z.enum(['open', 'closed']),
  draft: flag,
  merged: flag,
  mergeable_state: optionalString,
  html_url: z.string(),
  user: minimalUser,
  labels: names,
  assignees: names,
  requested_reviewers: names,
  merged_by: optionalString,
  head: branch,
  base: branch,
  additions: count,
  deletions: count,
  changed_files: count,
  commits: count,
  comments: count,
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: optionalString,
  merged_at: optionalString,
  milestone: optionalString,
});

export const pullRequestListSchema = z.array(pullRequestSchema);
