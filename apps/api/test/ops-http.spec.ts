import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { loadConfig } from '#libs/config';
import { DashboardSessions, readCookie } from '../src/admin/dashboard-session.js';
import { forwardedPrefix, publicApiUrl, publicBaseUrl, publicPath } from '../src/http/public-url.js';

const base = {
  DATABASE_URL: 'postgres://u@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
};

function request(headers: Record<string, string>, protocol = 'http', host = 'api.internal:3000'): Request {
  return { headers, protocol, host } as unknown as Request;
}

describe('public URLs behind a proxy', () => {
  const trusted = loadConfig({ ...base, TRUST_PROXY: 'true', API_PREFIX: 'api' });
  const untrusted = loadConfig({ ...base, API_PREFIX: 'api' });

  it('honours a well-formed X-Forwarded-Prefix only from a trusted proxy', () => {
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/some/prefix/' }), trusted)).toBe('/some/prefix');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/a, /b' }), trusted)).toBe('/a');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/some/prefix' }), untrusted)).toBe('');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': 'no-slash' }), trusted)).toBe('');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/x"><script>' }), trusted)).toBe('');
  });

  it('builds absolute URLs from the request, or from PUBLIC_BASE_URL when set', () => {
    const req = request({ 'x-forwarded-prefix': '/lb' }, 'https', 'sync.example.com');
    expect(publicBaseUrl(req, trusted)).toBe('https://sync.example.com/lb');
    expect(publicApiUrl(req, trusted, '/auth/github/callback')).toBe(
      'https://sync.example.com/lb/api/auth/github/callback',
    );
    expect(publicPath(req, trusted, 'admin/queues')).toBe('/lb/admin/queues');
    const pinned = loadConfig({
      ...base,
      PUBLIC_BASE_URL: 'https://example.org/tools/sync/',
      API_PREFIX: '',
    });
    expect(publicApiUrl(req, pinned, 'auth/github/callback')).toBe(
      'https://example.org/tools/sync/auth/github/callback',
    );
    expect(publicPath(req, pinned, '/admin/queues')).toBe('/tools/sync/admin/queues');
  });
});

describe('queue dashboard sessions', () => {
  const sessions = new DashboardSessions(loadConfig(base));
  const hash = 'a'.repeat(64);

  it('round-trips a token hash until it expires', () => {
    const now = Date.now();
    const cookie = sessions.issue(hash, now);
    expect(sessions.verify(cookie, now + 1000)).toBe(hash);
    expect(sessions.verify(cookie, now + sessions.maxAgeSeconds * 1000 + 1)).toBeUndefined();
  });

  it('rejects tampered, foreign and malformed cookies', () => {
    const cookie = sessions.issue(hash);
    const [, expires, signature] = cookie.split('.');
    expect(sessions.verify(`${'b'.repeat(64)}.${expires}.${signature}`)).toBeUndefined();
    expect(sessions.verify(`${hash}.${Number(expires) + 1}.${signature}`)).toBeUndefined();
    const other = new DashboardSessions(
      loadConfig({ ...base, ENCRYPTION_KEY: Buffer.alloc(32, 6).toString('base64') }),
    );
    expect(other.verify(cookie)).toBeUndefined();
    for (const bad of [undefined, '', 'x', 'a.b.c', `${hash}..`])
      expect(sessions.verify(bad)).toBeUndefined();
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; gms_queues=x.y%3Dz; b=2', 'gms_queues')).toBe('x.y=z');
    expect(readCookie(undefined, 'gms_queues')).toBeUndefined();
  });
});
