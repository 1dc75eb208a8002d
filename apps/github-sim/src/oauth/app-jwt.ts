/** Verification of GitHub App JWTs (RS256, `iss` = app id, at most 10 minutes long), as GitHub does. */
import { createPublicKey, verify } from 'node:crypto';
import type { OAuthSim, SimGitHubApp } from './oauth-sim.js';

export type JwtCheck = { ok: true; app: SimGitHubApp } | { ok: false; status: 401; message: string };

const CLOCK_SKEW_S = 60;
const MAX_LIFETIME_S = 600;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const fail = (message: string): JwtCheck => ({ ok: false, status: 401, message });

export function verifyAppJwt(oauth: OAuthSim, authorization: string | undefined, nowMs: number): JwtCheck {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return fail('A JSON web token could not be decoded');
  const [head, body, signature] = match[1].split('.');
  const header = head ? decodePart(head) : undefined;
  const payload = body ? decodePart(body) : undefined;
  if (!header || !payload || !signature) return fail('A JSON web token could not be decoded');
  if (header['alg'] !== 'RS256') return fail("'alg' must be RS256");
  const iss = payload['iss'];
  const app = typeof iss === 'string' || typeof iss === 'number' ? oauth.app(String(iss)) : undefined;
  if (!app) return fail(`Integration not found (iss ${String(iss)})`);
  let valid = false;
  try {
    valid = verify(
      'RSA-SHA256',
      Buffer.from(`${head}.${body}`),
      createPublicKey(app.publicKey),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return fail('A JSON web token could not be decoded');
  const now = Math.floor(nowMs / 1000);
  const iat = payload['iat'];
  const exp = payload['exp'];
  if (typeof iat !== 'number' || typeof exp !== 'number') return fail("'iat' and 'exp' claims are required");
  if (iat > now + CLOCK_SKEW_S)
    return fail("'Issued at' claim ('iat') must be an Integer representing a time in the past");
  if (exp <= now)
    return fail(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  if (exp - iat > MAX_LIFETIME_S + CLOCK_SKEW_S)
    return fail("'Expiration time' claim ('exp') is too far in the future");
  return { ok: true, app };
}
