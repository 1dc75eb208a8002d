import { createHash } from 'node:crypto';

export interface IssueContent {
  title: string;
  body: string;
  state: string;
  labels: readonly string[];
  assignees: readonly string[];
}

/**
 * Hash of what we sync for an issue. The same content always hashes the same, so a change we
 * wrote ourselves, seen again on GitHub, is recognised (echo suppression) and re-runs are no-ops.
 */
export function issueContentHash(content: IssueContent): string {
  return sha256([
    content.title,
    content.body,
    content.state,
    [...content.labels].sort(),
    [...content.assignees].sort(),
  ]);
}

export function commentContentHash(body: string): string {
  return sha256([body]);
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
