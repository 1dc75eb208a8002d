import { Injectable } from '@nestjs/common';
import { InstallationEventStore, WebhookTargetRepository } from '#libs/db';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import {
  eventTime,
  installationEventSchema,
  installationRepositoriesEventSchema,
  parsePayload,
} from '../payloads.js';

type Installation = {
  id: number;
  account?: { login: string; type?: string | undefined } | null | undefined;
  updated_at?: string | null | undefined;
};
type Event = WebhookEventContext['event'];

/**
 * `installation` (created, deleted, suspend, unsuspend, new_permissions_accepted) and
 * `installation_repositories` (added, removed): the installation is recorded in github_installations and
 * linked to the integration that holds its installation id (unlinked when deleted); an event older than
 * the one last applied changes nothing. Repositories removed from the installation stop syncing (and so
 * receiving) in the integration holding it, with the reason.
 *
 * An event verified only with an integration's own webhook secret (or replayed by a workspace) may only
 * touch that integration's own installation: anything else is ignored, so one tenant's secret cannot
 * rewrite another tenant's installation record.
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
    const holder = await this.holder(event, body.installation);
    if (!holder.allowed) return ignored(holder.reason);
    const now = new Date();
    const deleted = body.action === 'deleted';
    const linked = deleted ? null : holder.integrationId;
    const suspendedAt =
      body.action === 'suspend'
        ? body.installation.suspended_at
          ? new Date(body.installation.suspended_at)
          : now
        : body.action === 'unsuspend'
          ? null
          : undefined;
    const deletedAt = deleted ? now : body.action === 'created' ? null : undefined;
    const applied = await this.installations.upsert({
      ...identity(body.installation, event),
      workspaceIntegrationId: linked,
      suspendedAt,
      deletedAt,
    });
    return processed({
      installation_id: body.installation.id,
      account: body.installation.account?.login ?? null,
      linked_integration_id: linked,
      repositories: (body.repositories ?? []).map((r) => r.full_name),
      ...(applied ? {} : { stale: true }),
    });
  }

  private async repositories(event: Event, payload: Record<string, unknown>): Promise<EventOutcome> {
    const body = parsePayload(installationRepositoriesEventSchema, 'installation_repositories', payload);
    const holder = await this.holder(event, body.installation);
    if (!holder.allowed) return ignored(holder.reason);
    const linked = holder.integrationId;
    const applied = await this.installations.upsert({
      ...identity(body.installation, event),
      workspaceIntegrationId: linked,
    });
    const removed = body.repositories_removed ?? [];
    const connectedRemoved: string[] = [];
    let disabled = 0;
    for (const repo of linked ? removed : []) {
      const rows = await this.targets.findRepositoryTargets(BigInt(repo.id), {
        integrationId: linked,
        installationId: BigInt(body.installation.id),
      });
      if (rows.length === 0) continue;
      connectedRemoved.push(repo.full_name);
      disabled += await this.targets.disableSyncs(
        rows.map((r) => r.id),
        `repository ${repo.full_name} was removed from GitHub App installation ${body.installation.id}`,
      );
    }
    return processed({
      installation_id: body.installation.id,
      linked_integration_id: linked,
      repositories_added: (body.repositories_added ?? []).map((r) => r.full_name),
      repositories_removed: removed.map((r) => r.full_name),
      // The installation no longer reaches these connected repositories: their syncs are disabled.
      connected_repositories_removed: connectedRemoved,
      syncs_disabled: disabled,
      ...(applied ? {} : { stale: true }),
    });
  }

  /** The integration holding the installation, and whether this event may touch it. */
  private async holder(
    event: Event,
    installation: Installation,
  ): Promise<{ allowed: true; integrationId: string | null } | { allowed: false; reason: string }> {
    const integrations = await this.targets.findIntegrationsByInstallation(BigInt(installation.id));
    const holder = integrations[0]?.id ?? null;
    const scoped = event.workspaceIntegrationId ?? event.replayIntegrationId;
    if (scoped && scoped !== holder) {
      const how = event.workspaceIntegrationId ? 'verified with the webhook secret of' : 'replayed by';
      return {
        allowed: false,
        reason: `installation ${installation.id} does not belong to the integration this event was ${how}`,
      };
    }
    return { allowed: true, integrationId: holder };
  }
}

function identity(installation: Installation, event: Event) {
  return {
    installationId: BigInt(installation.id),
    accountLogin: installation.account?.login ?? '',
    accountType: installation.account?.type ?? 'User',
    eventAt: eventTime(installation.updated_at, event.createdAt),
  };
}
