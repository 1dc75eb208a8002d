import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'gms_';

/** A new API token: the plaintext is shown once; only its hash is stored. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 8) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
