import { Injectable } from '@nestjs/common';
import { InstallationEventStore, WebhookTargetRepository } from '#libs/db';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  processed,
} from '../outcome.js';
import { installationEventSchema, installationRepositoriesEventSchema, parsePayload } from '../payloads.js';

type Installation = { id: number; account?: { login: string; type?: string | undefined } | null | undefined };

/**
 * `installation` (created, deleted, suspend, unsuspend, new_permissions_accepted) and
 * `installation_repositories` (added, removed): the installation is recorded in github_installations and
 * linked to the integration that holds its installation id (unlinked when deleted).
 */
@Injectable()
export class InstallationEventHandler implements WebhookEventProcessor {
  constructor(
    private readonly installations: InstallationEventStore,
    private readonly targets: WebhookTargetRepository,
  ) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    if (event.eventType === 'installation_repositories') return this.repositories(event, payload);
    const body = parsePayload(installationEventSchema, 'installation', payload);
    const now = new Date();
    const deleted = body.action === 'deleted';
    const linked = deleted ? null : await this.integrationFor(event, body.installation);
    const suspendedAt =
      body.action === 'suspend'
        ? body.installation.suspended_at
          ? new Date(body.installation.suspended_at)
          : now
        : body.action === 'unsuspend'
          ? null
          : undefined;
    const deletedAt = deleted ? now : body.action === 'created' ? null : undefined;
    await this.installations.upsert({
      ...identity(body.installation),
      workspaceIntegrationId: linked,
      suspendedAt,
      deletedAt,
    });
    return processed({
      installation_id: body.installation.id,
      account: body.installation.account?.login ?? null,
      linked_integration_id: linked,
      repositories: (body.repositories ?? []).map((r) => r.full_name),
    });
  }

  private async repositories(
    event: WebhookEventContext['event'],
    payload: Record<string, unknown>,
  ): Promise<EventOutcome> {
    const body = parsePayload(installationRepositoriesEventSchema, 'installation_repositories', payload);
    const linked = await this.integrationFor(event, body.installation);
    await this.installations.upsert({ ...identity(body.installation), workspaceIntegrationId: linked });
    const removed = body.repositories_removed ?? [];
    const connectedRemoved = [];
    for (const repo of removed) {
      const rows = await this.targets.findRepositoryTargets(BigInt(repo.id), event.workspaceIntegrationId);
      if (rows.length > 0) connectedRemoved.push(repo.full_name);
    }
    return processed({
      installation_id: body.installation.id,
      linked_integration_id: linked,
      repositories_added: (body.repositories_added ?? []).map((r) => r.full_name),
      repositories_removed: removed.map((r) => r.full_name),
      // The installation no longer reaches these connected repositories: their syncs will fail until re-added.
      connected_repositories_removed: connectedRemoved,
    });
  }

  private async integrationFor(event: WebhookEventContext['event'], installation: Installation) {
    const integrations = await this.targets.findIntegrationsByInstallation(BigInt(installation.id));
    const allowed = event.workspaceIntegrationId
      ? integrations.filter((i) => i.id === event.workspaceIntegrationId)
      : integrations;
    return allowed[0]?.id ?? null;
  }
}

function identity(installation: Installation) {
  return {
    installationId: BigInt(installation.id),
    accountLogin: installation.account?.login ?? '',
    accountType: installation.account?.type ?? 'User',
  };
}
