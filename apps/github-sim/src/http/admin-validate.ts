/** Validation of admin API bodies (untrusted JSON). Throws `BadRequest` with a clear message. */
import type { IssuePatch } from '../store/issue-mutations.js';
import type { RepoSpec, StateReason } from '../store/types.js';

export class BadRequest extends Error {}

export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('body must be a JSON object');
  return value as Body;
}

export function str(body: Body, key: string, required: true): string;
export function str(body: Body, key: string, required?: false): string | undefined;
export function str(body: Body, key: string, required = false): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw new BadRequest(`${key} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new BadRequest(`${key} must be a string`);
  if (required && value.trim() === '') throw new BadRequest(`${key} must not be empty`);
  return value;
}

export function strings(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new BadRequest(`${key} must be an array of strings`);
  return value as string[];
}

export function int(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new BadRequest(`${key} must be a non-negative integer`);
  return value;
}

export function repoSpec(value: unknown): RepoSpec {
  const body = asBody(value);
  const owner = str(body, 'owner', true);
  const name = str(body, 'name', true);
  if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(name))
    throw new BadRequest('owner and name must be simple names');
  const spec: RepoSpec = { owner, name };
  const issues = int(body, 'issues');
  const comments = int(body, 'comments');
  const pullRequests = int(body, 'pullRequests');
  if (issues !== undefined) spec.issues = issues;
  if (comments !== undefined) spec.comments = comments;
  if (pullRequests !== undefined) spec.pullRequests = pullRequests;
  if (body['private'] !== undefined) {
    if (typeof body['private'] !== 'boolean') throw new BadRequest('private must be a boolean');
    spec.private = body['private'];
  }
  const description = str(body, 'description');
  if (description !== undefined) spec.description = description;
  return spec;
}

const REASONS: readonly StateReason[] = ['completed', 'not_planned', 'duplicate', 'reopened'];

export function issuePatch(body: Body): IssuePatch {
  const patch: IssuePatch = {};
  const title = str(body, 'title');
  if (title !== undefined) {
    if (title.trim() === '') throw new BadRequest('title must not be empty');
    patch.title = title;
  }
  const text = str(body, 'body');
  if (text !== undefined) patch.body = text;
  const labels = strings(body, 'labels');
  if (labels) patch.labels = labels;
  const assignees = strings(body, 'assignees');
  if (assignees) patch.assignees = assignees;
  const state = str(body, 'state');
  if (state !== undefined) {
    if (state !== 'open' && state !== 'closed') throw new BadRequest('state must be open or closed');
    patch.state = state;
  }
  const reason = str(body, 'state_reason');
  if (reason !== undefined) {
    if (!REASONS.includes(reason as StateReason))
      throw new BadRequest(`state_reason must be one of ${REASONS.join(', ')}`);
    patch.state_reason = reason as StateReason;
  }
  if ('milestone' in body)
    patch.milestone = body['milestone'] === null ? null : (int(body, 'milestone') ?? null);
  return patch;
}
