import { Injectable } from '@nestjs/common';
import { WebhookTargetRepository, type WebhookRepositoryTarget } from '#libs/db';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import { eventTime, parsePayload, repositoryEventSchema } from '../payloads.js';
import { targetScope } from '../repository-targets.js';

/**
 * `repository` (renamed, transferred, edited, privatized, publicized, archived, deleted, …): connected
 * copies within the event's scope (targetScope) are found by GitHub repository id and get the current
 * owner, name, visibility and default branch, so the identity stays right across renames and transfers —
 * unless a newer event already rewrote them (an older event, e.g. a replayed rename, changes nothing).
 * A deleted repository's syncs are disabled; so are, when it turns private, those of copies the event
 * did not reach through their own App installation (their token may no longer read it), with the reason.
 * Issues and links stay.
 */
@Injectable()
export class RepositoryEventHandler implements WebhookEventProcessor {
  constructor(private readonly targets: WebhookTargetRepository) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    const body = parsePayload(repositoryEventSchema, 'repository', payload);
    const repository = body.repository;
    const rows = await this.targets.findRepositoryTargets(BigInt(repository.id), targetScope(event));
    if (rows.length === 0) return ignored(`repository ${repository.full_name} is not connected`);
    const ids = rows.map((r) => r.id);
    const updated = await this.targets.updateIdentity(
      ids,
      {
        owner: repository.owner.login,
        name: repository.name,
        private: repository.private ?? rows[0]!.private,
        nodeId: repository.node_id,
        defaultBranch: repository.default_branch,
        htmlUrl: repository.html_url,
      },
      eventTime(repository.updated_at, event.createdAt),
    );
    const disabled = await this.disable(body.action, repository.full_name, rows, event.installationId);
    return processed({
      repository: repository.full_name,
      previous: [...new Set(rows.map((r) => `${r.owner}/${r.name}`))],
      repositories_updated: updated,
      ...(updated < rows.length ? { stale: rows.length - updated } : {}),
      syncs_disabled: disabled,
    });
  }

  private disable(
    action: string,
    fullName: string,
    rows: WebhookRepositoryTarget[],
    installationId: bigint | null,
  ): Promise<number> {
    if (action === 'deleted') {
      return this.targets.disableSyncs(
        rows.map((r) => r.id),
        `repository ${fullName} was deleted on GitHub`,
      );
    }
    if (action !== 'privatized') return Promise.resolve(0);
    const unproven = rows.filter(
      (r) => installationId === null || r.integration.installationId !== installationId,
    );
    return this.targets.disableSyncs(
      unproven.map((r) => r.id),
      `repository ${fullName} became private: this integration may no longer read it; check its access and enable the sync again`,
    );
  }
}
