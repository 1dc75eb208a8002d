import { createHmac, randomBytes } from 'node:crypto';

/** `X-Hub-Signature-256` (and the legacy SHA-1 `X-Hub-Signature`) as GitHub computes them. */
export function signatures(secret: string, body: string): Record<string, string> {
  if (!secret) return {};
  return {
    'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

/** `User-Agent: GitHub-Hookshot/<short hex>`, fixed per simulator process like a Hookshot build. */
export const HOOKSHOT_AGENT = `GitHub-Hookshot/${randomBytes(4).toString('hex').slice(0, 7)}`;
