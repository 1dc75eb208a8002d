import { Injectable } from '@nestjs/common';
import { WebhookTargetRepository } from '#libs/db';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import { parsePayload, repositoryEventSchema } from '../payloads.js';

/**
 * `repository` (renamed, transferred, edited, privatized, publicized, archived, deleted, …): connected
 * copies are found by GitHub repository id and get the current owner, name, visibility and default branch,
 * so the identity stays right across renames and transfers. A deleted repository's syncs are disabled
 * (its issues and links stay).
 */
@Injectable()
export class RepositoryEventHandler implements WebhookEventProcessor {
  constructor(private readonly targets: WebhookTargetRepository) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    const body = parsePayload(repositoryEventSchema, 'repository', payload);
    const repository = body.repository;
    const rows = await this.targets.findRepositoryTargets(
      BigInt(repository.id),
      event.workspaceIntegrationId,
    );
    if (rows.length === 0) return ignored(`repository ${repository.full_name} is not connected`);
    const ids = rows.map((r) => r.id);
    const updated = await this.targets.updateIdentity(ids, {
      owner: repository.owner.login,
      name: repository.name,
      private: repository.private ?? rows[0]!.private,
      nodeId: repository.node_id,
      defaultBranch: repository.default_branch,
      htmlUrl: repository.html_url,
    });
    const disabled = body.action === 'deleted' ? await this.targets.disableSyncs(ids) : 0;
    return processed({
      repository: repository.full_name,
      previous: [...new Set(rows.map((r) => `${r.owner}/${r.name}`))],
      repositories_updated: updated,
      syncs_disabled: disabled,
    });
  }
}
