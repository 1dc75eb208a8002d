import { isUtf8 } from 'node:buffer';
import { Injectable, Logger } from '@nestjs/common';
import { UnauthorizedError, ValidationError } from '#libs/common';
import type { BodyHasher } from './body-hasher.js';
import { DeliveryInbox } from './delivery-inbox.js';
import { type HeaderBag, header, requireDeliveryHeaders, requireSignature } from './delivery-headers.js';
import { IntegrationSecretMatcher } from './integration-secret-matcher.js';
import { requireEventShape } from './payload-shape.js';
import { jsonbText, parseJsonObject, requireStorableStrings, summarize } from './payload-summary.js';
import { WebhookSignatureVerifier } from './signature-verifier.js';

export interface WebhookDelivery {
  headers: HeaderBag;
  /**
   * The raw request body, exactly as signed: whole, or the chunks it arrived in (joined only once its
   * signature is verified, so a forged body is never copied).
   */
  body: Buffer | readonly Buffer[] | undefined;
  /** The body hashed as it was read (WebhookSignatureVerifier.hasher); absent: hashed here, at once. */
  hasher?: BodyHasher;
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

  /** A hasher for a body about to be read (WebhookDelivery.hasher). */
  hasher(): BodyHasher {
    return this.verifier.hasher();
  }

  async ingest(delivery: WebhookDelivery): Promise<IngestResult> {
    const signature = requireSignature(delivery.headers);
    const chunks = Buffer.isBuffer(delivery.body) ? [delivery.body] : (delivery.body ?? []);
    const size = chunks.reduce((total, chunk) => total + chunk.length, 0);
    if (size === 0) throw new ValidationError('request body is empty', 'body');
    const hasher = delivery.hasher ?? this.verifier.hasher();
    if (!delivery.hasher) for (const chunk of chunks) hasher.update(chunk);

    let payload: Record<string, unknown> | undefined;
    let integrationId: string | null = null;
    if (!hasher.matches(signature)) {
      const about = targetOf(delivery.headers) ?? smallBodySummary(chunks, size);
      integrationId = about ? await this.integrationSecrets.match(chunks, signature, about) : null;
      if (!integrationId) throw new UnauthorizedError('invalid X-Hub-Signature-256 signature');
    }
    delivery.onVerified?.();
    const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
    if (!isUtf8(raw)) throw new ValidationError('request body must be UTF-8 encoded JSON', 'body');
    const text = raw.toString('utf8');

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
      bodyDigest: `${integrationId ?? '-'}:${hasher.sha256()}`,
    });
    return { status: inserted ? 'queued' : 'duplicate', deliveryId };
  }
}

/** Bodies up to this size may be parsed to find their integration before the signature is known. */
const PARSE_UNVERIFIED_MAX_BYTES = 1024 * 1024;

type Target = { repositoryGithubId: bigint | null; installationId: bigint | null };

/**
 * The repository a delivery is about, from GitHub's headers (repository hooks send
 * `X-GitHub-Hook-Installation-Target-Type: repository` and its id) — no need to parse an unverified body.
 */
function targetOf(headers: HeaderBag): Target | undefined {
  const type = header(headers, 'x-github-hook-installation-target-type');
  const id = header(headers, 'x-github-hook-installation-target-id');
  if (type !== 'repository' || !id || !/^[1-9]\d{0,18}$/.test(id)) return undefined;
  return { repositoryGithubId: BigInt(id), installationId: null };
}

/**
 * Without such headers, a small body is parsed for its repository and installation (as GitHub App
 * deliveries carry them); an unverified body over 1 MB is never parsed (no integration secret is tried).
 */
function smallBodySummary(chunks: readonly Buffer[], size: number): Target | undefined {
  if (size > PARSE_UNVERIFIED_MAX_BYTES) return undefined;
  const raw = Buffer.concat(chunks, size);
  if (!isUtf8(raw)) return undefined;
  try {
    return summarize(parseJsonObject(raw.toString('utf8')));
  } catch {
    return undefined;
  }
}
