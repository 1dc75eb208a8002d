import { Controller, HttpCode, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Response } from 'express';
import { Public, SkipRateLimit } from '#libs/auth';
import { WebhookIngestionService } from '#libs/webhooks';
import { type RawBodyRequest, WEBHOOK_PATH } from './raw-body.middleware.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * GitHub's webhook deliveries. Public (authenticated by the signature): 202 `{status: "queued"}` once the
 * delivery is committed, 200 `{status: "duplicate"}` for a delivery id already received.
 */
@Controller(WEBHOOK_PATH)
export class WebhookDeliveryController {
  constructor(private readonly ingestion: WebhookIngestionService) {}

  @Post()
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
