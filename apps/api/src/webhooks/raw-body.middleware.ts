import express, { type NextFunction, type Request, type Response } from 'express';
import { WEBHOOK_MAX_BODY_BYTES } from '#libs/webhooks';

/** Where the raw-body parser is mounted (relative to the API prefix). */
export const WEBHOOK_PATH = 'webhooks/github-mcp';

export interface RawBodyRequest extends Request {
  /** The exact bytes GitHub signed. */
  rawWebhookBody?: Buffer;
  /** A body-parser failure (413 too large, 400 aborted…), rethrown by the controller so the filter maps it. */
  rawWebhookBodyError?: unknown;
}

const parse = express.raw({ type: () => true, limit: WEBHOOK_MAX_BODY_BYTES });

/**
 * Reads the webhook route's body as bytes, whatever the content type, before Nest's JSON parser could
 * re-encode it: the signature is over the raw body. Mounted in bootstrap ahead of the global parsers
 * (which then skip the already-read body).
 */
export function webhookRawBody(req: Request, res: Response, next: NextFunction): void {
  const request = req as RawBodyRequest;
  parse(req, res, (error?: unknown) => {
    if (error) request.rawWebhookBodyError = error;
    else if (Buffer.isBuffer(req.body)) request.rawWebhookBody = req.body;
    next();
  });
}
