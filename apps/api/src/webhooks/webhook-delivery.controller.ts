import { Controller, HttpCode, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SkipRateLimit } from '#libs/auth';
import { WebhookIngestionService } from '#libs/webhooks';
import { type RawBodyRequest, WEBHOOK_PATH } from './raw-body.middleware.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * GitHub's webhook deliveries. Public (authenticated by the signature): 202 `{status: "queued"}` once the
 * delivery is committed, 200 `{status: "duplicate"}` for a delivery id already received.
 */
@ApiTags('webhooks')
@Controller(WEBHOOK_PATH)
export class WebhookDeliveryController {
  constructor(private readonly ingestion: WebhookIngestionService) {}

  @Post()
  @ApiOperation({
    summary: 'GitHub webhook delivery (signed; committed before the answer, processed by the worker)',
  })
  @ApiHeader({ name: 'X-Hub-Signature-256', required: true, description: 'sha256=<HMAC of the raw body>' })
  @ApiHeader({ name: 'X-GitHub-Event', required: true })
  @ApiHeader({ name: 'X-GitHub-Delivery', required: true, description: 'GUID; a known one is a duplicate' })
  @ApiResponse({ status: 202, description: '{status: "queued", delivery_id}: stored and queued' })
  @ApiResponse({ status: 200, description: '{status: "duplicate", delivery_id}: a known delivery id' })
  @ApiResponse({ status: 400, description: 'missing X-GitHub-Event / X-GitHub-Delivery, or malformed JSON' })
  @ApiResponse({ status: 413, description: 'body over 25 MB' })
  @ApiResponse({ status: 415, description: 'not application/json' })
  @ApiResponse({ status: 503, description: 'database unavailable: redeliver later' })
  @Public()
  // GitHub delivers from a few addresses in bursts; a 429 would fail deliveries. Bad signatures cost one HMAC.
  @SkipRateLimit()
  @HttpCode(202)
  async receive(@Req() req: RawBodyRequest, @Res({ passthrough: true }) res: Response) {
    if (req.rawWebhookBodyError) throw req.rawWebhookBodyError;
    const type = req.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(type)) {
      throw new UnsupportedMediaTypeException(
        `content type must be application/json (got ${type ? `"${type.slice(0, 100)}"` : 'none'})`,
      );
    }
    const result = await this.ingestion.ingest({ headers: req.headers, body: req.rawWebhookBody });
    if (result.status === 'duplicate') res.status(200);
    return { status: result.status, delivery_id: result.deliveryId };
  }
}
