import { describe, expect, it } from '@jest/globals';
import { UnauthorizedError, ValidationError } from '#libs/common';
import { type AppConfig, loadConfig } from '#libs/config';
import { WebhookSignatureVerifier } from '#libs/webhooks';
import { requireDeliveryHeaders, requireSignature } from '../src/ingestion/delivery-headers.js';
import { jsonbText, parseJsonObject, summarize } from '../src/ingestion/payload-summary.js';
import { sign } from './support/deliveries.js';

function config(secrets: string): AppConfig {
  return loadConfig({
    DATABASE_URL: 'postgres://x@localhost/x',
    REDIS_URL: 'redis://localhost:6379',
    ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    GITHUB_WEBHOOK_SECRET: secrets,
  });
}

describe('webhook signature verification (@octokit/webhooks)', () => {
  const body = JSON.stringify({ action: 'opened', zen: 'Design for failure.' });

  it('accepts a body signed with any configured secret while rotating, and nothing else', async () => {
    const verifier = new WebhookSignatureVerifier(config('new-secret, old-secret'));
    expect(await verifier.verifyDeployment(body, sign('new-secret', body))).toBe(true);
    expect(await verifier.verifyDeployment(body, sign('old-secret', body))).toBe(true);
    expect(await verifier.verifyDeployment(body, sign('other', body))).toBe(false);
    expect(await verifier.verifyDeployment(`${body} `, sign('new-secret', body))).toBe(false);
    expect(await verifier.verifyDeployment(body, sign('new-secret', body).replace('sha256=', 'sha1='))).toBe(
      false,
    );
    expect(await verifier.verifyDeployment(body, 'sha256=deadbeef')).toBe(false);
    expect(await verifier.verifyDeployment('', sign('new-secret', 'x'))).toBe(false);
  });

  it('accepts nothing when no secret is configured; one integration secret can still be checked', async () => {
    const verifier = new WebhookSignatureVerifier(config(''));
    expect(await verifier.verifyDeployment(body, sign('', 'x'))).toBe(false);
    expect(await verifier.verifyWith('per-integration', body, sign('per-integration', body))).toBe(true);
    expect(await verifier.verifyWith('per-integration', body, sign('nope', body))).toBe(false);
  });
});

describe('delivery headers', () => {
  const valid = {
    'x-github-event': 'issues',
    'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    'x-hub-signature-256': 'sha256=abc',
  };

  it('reads event, delivery id and signature', () => {
    expect(requireDeliveryHeaders(valid)).toEqual({
      event: 'issues',
      deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    });
    expect(requireSignature(valid)).toBe('sha256=abc');
  });

  it('names the missing or malformed header', () => {
    expect(() => requireSignature({})).toThrow(UnauthorizedError);
    const missing = (headers: Record<string, string>) => {
      try {
        requireDeliveryHeaders(headers);
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('no error');
    };
    expect(missing({ ...valid, 'x-github-event': '' }).field).toBe('X-GitHub-Event');
    expect(missing({ 'x-github-event': 'issues' }).field).toBe('X-GitHub-Delivery');
    expect(missing({ ...valid, 'x-github-delivery': 'a:b' }).message).toMatch(/GUID/);
    expect(missing({ ...valid, 'x-github-event': 'Issues Event' }).field).toBe('X-GitHub-Event');
  });
});

describe('payload parsing', () => {
  it('refuses malformed JSON and non-objects with a 400 naming the body', () => {
    expect(() => parseJsonObject('{"action":')).toThrow(ValidationError);
    expect(() => parseJsonObject('{"action":')).toThrow(/not valid JSON/);
    expect(() => parseJsonObject('[1,2]')).toThrow(/must be a JSON object/);
    expect(() => parseJsonObject('null')).toThrow(/must be a JSON object/);
  });

  it('summarises action, installation and repository ids', () => {
    expect(summarize({ action: 'opened', installation: { id: 5 }, repository: { id: 1296269 } })).toEqual({
      action: 'opened',
      installationId: 5n,
      repositoryGithubId: 1296269n,
    });
    expect(summarize({ zen: 'x' })).toEqual({ action: null, installationId: null, repositoryGithubId: null });
    expect(summarize(undefined).action).toBeNull();
  });

  it('stores the JSON text verbatim unless it holds U+0000, which jsonb cannot', () => {
    const text = '{ "a" : "b" }';
    expect(jsonbText(text, parseJsonObject(text))).toBe(text);
    const nul = '{"body":"x\\u0000y"}';
    expect(JSON.parse(jsonbText(nul, parseJsonObject(nul)))).toEqual({ body: 'x\uFFFDy' });
  });
});
