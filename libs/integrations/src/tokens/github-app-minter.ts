import { createPrivateKey } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { App } from '@octokit/app';
import { UnavailableError, ValidationError } from '#libs/common';
import type { InstallationToken } from './installation-token-cache.js';

/** Mints a new installation token (no caching). */
export type InstallationTokenMinter = (installationId: bigint) => Promise<InstallationToken>;

/** GitHub issues PKCS#1 keys; the JWT signer (WebCrypto) wants PKCS#8. */
export function toPkcs8(privateKey: string): string {
  if (!privateKey.includes('BEGIN RSA PRIVATE KEY')) return privateKey;
  return createPrivateKey(privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Installation tokens from GitHub (`POST {apiBaseUrl}/app/installations/{id}/access_tokens`) through
 * `@octokit/app`: the app JWT is signed with the app's private key. Every call mints; callers cache.
 */
export function createInstallationTokenMinter(
  app: { appId: string; privateKey: string },
  apiBaseUrl: string,
): InstallationTokenMinter {
  const octokitApp = new App({
    appId: app.appId,
    privateKey: toPkcs8(app.privateKey),
    Octokit: Octokit.defaults({ baseUrl: apiBaseUrl, userAgent: 'github-mcp-sync' }),
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return async (installationId) => {
    try {
      const auth = (await octokitApp.octokit.auth({
        type: 'installation',
        installationId: Number(installationId),
        refresh: true,
      })) as { token: string; expiresAt: string };
      return { token: auth.token, expiresAt: new Date(auth.expiresAt) };
    } catch (error) {
      throw describeMintError(error, installationId);
    }
  };
}

function describeMintError(error: unknown, installationId: bigint): Error {
  const status = (error as { status?: unknown }).status;
  const detail = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  const what = `GitHub App could not get a token for installation ${installationId}`;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const reason = typeof detail === 'string' ? detail : `HTTP ${status}`;
    return new ValidationError(`${what}: ${reason}`, 'installation_id', { cause: error });
  }
  const reason =
    typeof status === 'number' ? `HTTP ${status}` : error instanceof Error ? error.message : 'error';
  return new UnavailableError(`${what}: ${reason}`, { cause: error });
}
