import { Injectable } from '@nestjs/common';
import {
  type GitHubWebhookEvent,
  type RepositorySyncScope,
  type TargetScope,
  WebhookTargetRepository,
  type WebhookRepositoryTarget,
} from '#libs/db';
import type { RestRepository } from './payloads.js';
import { parseStateMapping, type StateMapping, type SyncDirection } from '#libs/issues';

/** A repository sync an event applies to. */
export interface EventTarget {
  repositorySyncId: string;
  scope: RepositorySyncScope;
  repo: { owner: string; name: string };
  mapping: StateMapping;
  direction: SyncDirection;
  includeComments: boolean;
  includePullRequests: boolean;
}

export type ResolvedTargets = { targets: EventTarget[] } | { reason: string };

/** Target rows already looked up in a batch of events, by repository GitHub id and integration. */
export type TargetMemo = Map<string, Promise<WebhookRepositoryTarget[]>>;

/**
 * Which integrations a delivery may reach: one verified with an integration's own secret, or replayed by a
 * workspace, reaches that integration only; a GitHub App delivery (payload `installation.id`) reaches only
 * the integration holding that installation; a repository webhook reaches every copy.
 */
export function targetScope(event: GitHubWebhookEvent): TargetScope {
  return {
    integrationId: event.workspaceIntegrationId ?? event.replayIntegrationId,
    installationId: event.installationId,
  };
}

/**
 * Which workspace repository syncs an event about a repository applies to: the connected copies of the
 * repository within the event's scope (targetScope; matched by GitHub id, so renames and transfers do not
 * matter) whose integration is connected and whose sync is enabled and takes changes from GitHub.
 */
@Injectable()
export class RepositoryTargets {
  constructor(private readonly targets: WebhookTargetRepository) {}

  async resolve(
    event: GitHubWebhookEvent,
    repository: RestRepository,
    memo?: TargetMemo,
  ): Promise<ResolvedTargets> {
    const rows = await this.rows(BigInt(repository.id), targetScope(event), memo);
    if (rows.length === 0) return { reason: `repository ${repository.full_name} is not connected` };
    const eligible = rows.filter((row) => problem(row) === undefined);
    if (eligible.length === 0) return { reason: problem(rows[0]!)! };
    return {
      targets: eligible.map((row) => {
        const sync = row.sync!;
        return {
          repositorySyncId: sync.id,
          scope: { id: sync.id, workspaceId: sync.workspaceId, projectId: sync.projectId },
          // The payload's name is the current one; the stored one may predate a rename.
          repo: { owner: repository.owner.login, name: repository.name },
          mapping: parseStateMapping(sync.stateMapping),
          direction: sync.direction,
          includeComments: sync.includeComments,
          includePullRequests: sync.includePullRequests,
        };
      }),
    };
  }

  /** One query per repository and integration (per batch when a memo is given). */
  private rows(githubId: bigint, scope: TargetScope, memo: TargetMemo | undefined) {
    if (!memo) return this.targets.findRepositoryTargets(githubId, scope);
    const key = `${githubId}:${scope.integrationId ?? ''}:${scope.installationId ?? ''}`;
    let rows = memo.get(key);
    if (!rows) {
      rows = this.targets.findRepositoryTargets(githubId, scope);
      memo.set(key, rows);
    }
    return rows;
  }
}

function problem(row: WebhookRepositoryTarget): string | undefined {
  const name = `${row.owner}/${row.name}`;
  if (row.integration.status !== 'connected')
    return `the GitHub integration of ${name} is ${row.integration.status}`;
  if (!row.sync) return `repository ${name} is not mapped to a project`;
  if (!row.sync.enabled) return `syncing ${name} is disabled`;
  if (row.sync.direction === 'to_github') return `${name} only syncs to GitHub`;
  return undefined;
}
