import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { UnauthorizedError, ValidationError } from '#libs/common';
import { DeliveryInbox } from './delivery-inbox.js';
import { type HeaderBag, requireDeliveryHeaders, requireSignature } from './delivery-headers.js';
import { IntegrationSecretMatcher } from './integration-secret-matcher.js';
import { requireEventShape } from './payload-shape.js';
import { jsonbText, parseJsonObject, requireStorableStrings, summarize } from './payload-summary.js';
import { WebhookSignatureVerifier } from './signature-verifier.js';

export interface WebhookDelivery {
  headers: HeaderBag;
  /** The raw request body, exactly as signed. */
  body: Buffer | undefined;
  /** Called once the signature is verified (before the headers and the payload are checked). */
  onVerified?: () => void;
}

export interface IngestResult {
  /** queued: committed, and handed to BullMQ right after (or by the relay); duplicate: a known delivery id. */
  status: 'queued' | 'duplicate';
  deliveryId: string;
}

/**
 * `POST /webhooks/github-mcp/`: verify, persist, answer, enqueue (DeliveryInbox) — never process. The row is
 * committed before the answer, so an acknowledged delivery cannot be lost; the unique delivery id makes a
 * redelivery a no-op, and so does the body's digest: the signature does not cover the headers, so the same
 * signed body under a new delivery id is a redelivery too (and the payload must have the shape of the event
 * named, requireEventShape). Nothing is stored for a delivery that fails verification or is not JSON: the sender
 * sees the 4xx in its delivery log and can redeliver it once fixed (a stored row would make that
 * redelivery a "duplicate").
 */
@Injectable()
export class WebhookIngestionService {
  private readonly logger = new Logger(WebhookIngestionService.name);

  constructor(
    private readonly verifier: WebhookSignatureVerifier,
    private readonly integrationSecrets: IntegrationSecretMatcher,
    private readonly inbox: DeliveryInbox,
  ) {}

  async ingest(delivery: WebhookDelivery): Promise<IngestResult> {
    const signature = requireSignature(delivery.headers);
    const raw = delivery.body;
    if (!raw || raw.length === 0) throw new ValidationError('request body is empty', 'body');
    if (!isUtf8(raw)) throw new ValidationError('request body must be UTF-8 encoded JSON', 'body');
    const text = raw.toString('utf8');

    let payload: Record<string, unknown> | undefined;
    let integrationId: string | null = null;
    if (!(await this.verifier.verifyDeployment(text, signature))) {
      payload = tryParse(text);
      integrationId = await this.integrationSecrets.match(text, signature, summarize(payload));
      if (!integrationId) throw new UnauthorizedError('invalid X-Hub-Signature-256 signature');
    }
    delivery.onVerified?.();

    const { event, deliveryId } = requireDeliveryHeaders(delivery.headers);
    try {
      payload ??= parseJsonObject(text);
      requireStorableStrings(text, payload);
      requireEventShape(event, payload);
    } catch (error) {
      this.logger.warn(`delivery ${deliveryId} (${event}) rejected: ${(error as Error).message}`);
      throw error;
    }
    if (!payload) throw new ValidationError('request body is not valid JSON', 'body');
    const summary = summarize(payload);
    const inserted = await this.inbox.submit({
      deliveryId,
      eventType: event,
      action: summary.action,
      payloadJson: jsonbText(text, payload),
      installationId: summary.installationId,
      repositoryGithubId: summary.repositoryGithubId,
      workspaceIntegrationId: integrationId,
      bodyDigest: `${integrationId ?? '-'}:${createHash('sha256').update(raw).digest('hex')}`,
    });
    return { status: inserted ? 'queued' : 'duplicate', deliveryId };
  }
}

function tryParse(text: string): Record<string, unknown> | undefined {
  try {
    return parseJsonObject(text);
  } catch {
    return undefined;
  }
}
