import { z } from 'zod';
import { ISSUE_PRIORITIES, ISSUE_STATES } from '#libs/issues';

/** Request bodies of the issue write routes (snake_case on the wire). */
const state = z.enum(ISSUE_STATES);
const priority = z.enum(ISSUE_PRIORITIES);
/** Postgres text cannot store U+0000: refused as a 400 naming the field instead of failing the insert. */
const noNul = (text: string) => !text.includes('\u0000');
const NO_NUL = 'must not contain NUL characters (U+0000)';
const text = () => z.string().refine(noNul, NO_NUL);
const title = text().trim().min(1, 'must not be empty').max(256);
const description = text().max(65_536);
const labels = z.array(text().trim().min(1, 'must not be empty').max(50)).max(100);
/** GitHub logins, or workspace user ids (members are assigned by their GitHub login). */
const assignees = z.array(text().trim().min(1).max(64)).max(10);
const milestone = text().trim().min(1, 'must not be empty').max(256).nullable();

export const createIssueBody = z
  .object({
    title,
    description: description.optional(),
    state: state.optional(),
    priority: priority.optional(),
    labels: labels.optional(),
    assignees: assignees.optional(),
    milestone: milestone.optional(),
  })
  .strict();

export const updateIssueBody = z
  .object({
    title: title.optional(),
    description: description.optional(),
    state: state.optional(),
    priority: priority.optional(),
    labels: labels.optional(),
    assignees: assignees.optional(),
    milestone: milestone.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field is required' });

export const commentBody = z
  .object({
    body: text()
      .max(65_536)
      .refine((text) => text.trim().length > 0, 'must not be empty'),
  })
  .strict();

export const uuid = z.string().uuid('must be a UUID');
