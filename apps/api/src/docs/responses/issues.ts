import { z } from 'zod';
import { dateTime, issuePriority, issueState, page } from './common.js';
import { OUTBOUND_FIELDS } from '#libs/issues';

const outboundField = z.enum(OUTBOUND_FIELDS);

/** The GitHub issue a workspace issue is linked to. */
export const issueGitHubLinkSchema = z
  .object({
    repository: z.string().meta({ example: 'octo-org/octo-repo' }),
    number: z.number().int(),
    url: z.string(),
    updated_at: dateTime().describe("GitHub's updated_at at the last sync"),
    last_synced_at: dateTime(),
  })
  .meta({ id: 'IssueGitHubLink' });

/** presentIssue: an issue as listed. */
export const issueSchema = z
  .object({
    id: z.string().uuid(),
    project_id: z.string().uuid(),
    sequence_id: z.number().int(),
    title: z.string(),
    description: z.string(),
    state: issueState,
    priority: issuePriority,
    milestone: z
      .string()
      .nullable()
      .describe(
        'GitHub milestone title (null: none); from search_issues, issue_read, webhooks or a local edit',
      ),
    labels: z.array(z.string()).describe('label names, sorted'),
    assignees: z.array(
      z
        .object({
          github_login: z.string(),
          user_id: z.string().uuid().nullable().describe('the workspace member, if the login maps to one'),
        })
        .meta({ id: 'IssueAssignee' }),
    ),
    comment_count: z.number().int(),
    created_at: dateTime(),
    updated_at: dateTime(),
    completed_at: dateTime().nullable(),
    github: issueGitHubLinkSchema.nullable().describe('null: not linked to a GitHub issue'),
  })
  .meta({ id: 'Issue', description: 'A workspace issue' });
export type IssueView = z.output<typeof issueSchema>;

/** presentComment. */
export const issueCommentSchema = z
  .object({
    id: z.string().uuid(),
    body: z.string(),
    author_login: z.string().nullable().describe('GitHub login of the author (comments from GitHub)'),
    author_id: z.string().uuid().nullable().describe('the workspace user who wrote it here'),
    created_at: dateTime(),
    updated_at: dateTime(),
    github_comment_id: z.string().nullable().describe('GitHub comment id (decimal string) once on GitHub'),
  })
  .meta({ id: 'IssueComment' });
export type IssueCommentView = z.output<typeof issueCommentSchema>;

/** A warning recorded by the outbound writer (stored JSON: kind and message, maybe more). */
export const outboundWarningSchema = z
  .looseObject({
    kind: z
      .string()
      .describe(
        'milestone_unknown, milestone_not_clearable, body_not_clearable, assignees_rejected or comment_edit_not_writable',
      ),
    message: z.string(),
  })
  .meta({ id: 'GitHubOutboundWarning' });
export type OutboundWarningView = z.output<typeof outboundWarningSchema>;

/** presentOutbound: what the issue still owes GitHub. */
export const githubOutboundSchema = z
  .object({
    pending_fields: z.array(outboundField).describe('fields edited here and not yet on GitHub'),
    pending_state: z
      .enum(['open', 'closed:completed', 'closed:not_planned'])
      .nullable()
      .describe('a state change GitHub still owes after a partial write'),
    pending_comments: z.number().int(),
    pending_comment_edits: z.number().int(),
    last_error: z.string().nullable(),
    warnings: z.array(outboundWarningSchema),
    last_pushed_at: dateTime().nullable(),
  })
  .meta({ id: 'GitHubOutbound' });
export type GitHubOutboundView = z.output<typeof githubOutboundSchema>;

/** Whether a write was handed to a sync_issue job (GitHubSyncNote). */
export const githubSyncNoteSchema = z
  .object({
    queued: z.boolean(),
    job_id: z.string().nullable(),
  })
  .meta({ id: 'GitHubSyncNote' });

/** GET issues/{issueId}: the issue with its comments and outbound state. */
export const issueDetailSchema = issueSchema
  .extend({
    comments: z.array(issueCommentSchema).describe('one page of comments, oldest first'),
    comments_total: z.number().int().min(0),
    comments_page: z.number().int().min(1),
    comments_per_page: z.number().int().min(1),
    comments_next_page: z.number().int().nullable().describe('the next comments_page, null on the last'),
    github_outbound: githubOutboundSchema,
  })
  .meta({ id: 'IssueDetail' });
export type IssueDetailView = z.output<typeof issueDetailSchema>;

/** POST issues. */
export const issueCreatedSchema = issueDetailSchema
  .extend({ github_sync: githubSyncNoteSchema })
  .meta({ id: 'IssueCreated' });

/** PATCH issues/{issueId}. */
export const issueUpdatedSchema = issueDetailSchema
  .extend({
    changed: z.array(outboundField).describe('synced fields whose value changed'),
    github_sync: githubSyncNoteSchema,
  })
  .meta({ id: 'IssueUpdated' });

/** POST comments and PATCH comments/{commentId}. */
export const commentWriteSchema = issueCommentSchema
  .extend({ github_sync: githubSyncNoteSchema })
  .meta({ id: 'IssueCommentWrite' });

/** GET issues. */
export const issuePageSchema = page(issueSchema, 'IssuePage', 'Issues of a project');
