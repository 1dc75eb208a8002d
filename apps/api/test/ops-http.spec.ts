import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest as Request } from 'fastify';
import { loadConfig } from '#libs/config';
import { DashboardSessions, readCookie } from '../src/admin/dashboard-session.js';
import { clientAddress, proxyTrust } from '../src/http/proxy-trust.js';
import { forwardedPrefix, publicApiUrl, publicBaseUrl, publicPath } from '../src/http/public-url.js';

const base = {
  DATABASE_URL: 'postgres://u@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
};

function request(
  headers: Record<string, string>,
  protocol = 'http',
  host = 'api.internal:3000',
  remoteAddress = '10.1.2.3',
): Request {
  return { headers, protocol, host, socket: { remoteAddress } } as unknown as Request;
}

describe('public URLs behind a proxy', () => {
  const trusted = loadConfig({ ...base, TRUST_PROXY: '1', API_PREFIX: 'api' });
  const untrusted = loadConfig({ ...base, API_PREFIX: 'api' });

  it('honours a well-formed X-Forwarded-Prefix only from a trusted proxy', () => {
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/some/prefix/' }), trusted)).toBe('/some/prefix');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/a, /b' }), trusted)).toBe('/a');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/some/prefix' }), untrusted)).toBe('');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': 'no-slash' }), trusted)).toBe('');
    expect(forwardedPrefix(request({ 'x-forwarded-prefix': '/x"><script>' }), trusted)).toBe('');
    const listed = loadConfig({ ...base, TRUST_PROXY: '10.1.0.0/16' });
    const prefix = { 'x-forwarded-prefix': '/lb' };
    expect(forwardedPrefix(request(prefix, 'http', 'h', '10.1.9.9'), listed)).toBe('/lb');
    expect(forwardedPrefix(request(prefix, 'http', 'h', '::ffff:10.1.9.9'), listed)).toBe('/lb');
    expect(forwardedPrefix(request(prefix, 'http', 'h', '10.2.0.1'), listed)).toBe('');
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

describe('client address behind TRUST_PROXY (as express computes req.ip)', () => {
  const forwarded = '6.6.6.6, 1.2.3.4, 10.0.0.2';

  it('takes the address a hop count of proxies saw, not a forged first entry', () => {
    expect(clientAddress('10.0.0.1', forwarded, proxyTrust(false))).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', forwarded, proxyTrust(1))).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.1', forwarded, proxyTrust(2))).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.1', forwarded, proxyTrust(9))).toBe('6.6.6.6');
    expect(clientAddress('10.0.0.1', undefined, proxyTrust(1))).toBe('10.0.0.1');
  });

  it('walks through listed proxies only', () => {
    const trust = proxyTrust(['uniquelocal', '2001:db8::/32']);
    expect(clientAddress('10.0.0.1', forwarded, trust)).toBe('1.2.3.4');
    expect(clientAddress('::ffff:192.168.1.1', '5.5.5.5', trust)).toBe('5.5.5.5');
    expect(clientAddress('2001:db8::7', '6.6.6.6, 7.7.7.7', trust)).toBe('7.7.7.7');
    expect(clientAddress('8.8.8.8', forwarded, trust)).toBe('8.8.8.8');
    expect(clientAddress('127.0.0.1', forwarded, proxyTrust(['loopback']))).toBe('10.0.0.2');
  });
});
