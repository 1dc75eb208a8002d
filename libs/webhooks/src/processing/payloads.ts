import { z } from 'zod';
import { PermanentJobError } from '#libs/queue';

/** The parts of GitHub's webhook payloads (REST shapes) that processing reads; other fields pass unread. */
const id = z.number().int().positive();
const timestamp = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a timestamp');
const user = z.object({ login: z.string(), type: z.string().optional() }).nullish();

export const repositorySchema = z.object({
  id,
  node_id: z.string().optional(),
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
  private: z.boolean().optional(),
  default_branch: z.string().optional(),
  html_url: z.string().optional(),
  updated_at: z.string().nullish(),
});

export const issueSchema = z.object({
  id,
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.enum(['open', 'closed']),
  state_reason: z.string().nullish(),
  labels: z
    .array(z.union([z.object({ name: z.string() }), z.string()]))
    .nullish()
    .transform((labels) => (labels ?? []).map((l) => (typeof l === 'string' ? l : l.name))),
  assignees: z
    .array(z.object({ login: z.string() }))
    .nullish()
    .transform((list) => (list ?? []).map((a) => a.login)),
  milestone: z.object({ title: z.string() }).nullish(),
  user,
  comments: z.number().int().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  closed_at: timestamp.nullish(),
  pull_request: z.object({}).passthrough().nullish(),
});

export const commentSchema = z.object({
  id,
  body: z.string().nullish(),
  user,
  created_at: timestamp,
  updated_at: timestamp,
});

export const issuesEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  repository: repositorySchema,
  changes: z
    .object({ new_issue: issueSchema.optional(), new_repository: repositorySchema.optional() })
    .passthrough()
    .optional(),
});

export const issueCommentEventSchema = z.object({
  action: z.string(),
  issue: issueSchema,
  comment: commentSchema,
  repository: repositorySchema,
});

export const installationSchema = z.object({
  id,
  account: z.object({ login: z.string(), type: z.string().optional() }).nullish(),
  suspended_at: timestamp.nullish(),
  updated_at: z.string().nullish(),
});

/**
 * When the change an event reports happened, for staleness: GitHub's `updated_at` of the object, else
 * when the delivery was received (a replay keeps its original time).
 */
export function eventTime(updatedAt: string | null | undefined, receivedAt: Date): Date {
  const parsed = updatedAt ? Date.parse(updatedAt) : Number.NaN;
  return Number.isNaN(parsed) ? receivedAt : new Date(parsed);
}

const repositoryRef = z.object({ id, full_name: z.string() });

export const installationEventSchema = z.object({
  action: z.string(),
  installation: installationSchema,
  repositories: z.array(repositoryRef).nullish(),
});

export const installationRepositoriesEventSchema = z.object({
  action: z.string(),
  installation: installationSchema,
  repositories_added: z.array(repositoryRef).nullish(),
  repositories_removed: z.array(repositoryRef).nullish(),
});

export const repositoryEventSchema = z.object({
  action: z.string(),
  repository: repositorySchema,
  changes: z.record(z.string(), z.unknown()).optional(),
});

export const pullRequestSchema = z.object({
  id,
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().nullish(),
  merged: z.boolean().nullish(),
  merged_at: timestamp.nullish(),
  html_url: z.string(),
  user,
  head: z.object({ ref: z.string() }).nullish(),
  base: z.object({ ref: z.string() }).nullish(),
  updated_at: timestamp,
});

export const pullRequestEventSchema = z.object({
  action: z.string(),
  pull_request: pullRequestSchema,
  repository: repositorySchema,
});

export type RestIssue = z.output<typeof issueSchema>;
export type RestComment = z.output<typeof commentSchema>;
export type RestRepository = z.output<typeof repositorySchema>;
export type RestPullRequest = z.output<typeof pullRequestSchema>;

/** Validates a stored payload; a payload that does not fit cannot be fixed by retrying. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  eventType: string,
  payload: unknown,
): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || 'payload';
  throw new PermanentJobError(
    `invalid ${eventType} payload: ${path}: ${issue?.message ?? 'unexpected shape'}`,
  );
}
