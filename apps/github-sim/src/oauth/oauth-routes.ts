/**
 * GitHub's OAuth web flow and the REST endpoints around it: authorize (auto-approves as the
 * configured user, or denies), access_token (form or JSON), `GET /user`, `GET /user/emails`, the
 * GitHub App installation-token endpoint, `GET /user/installations` and token revocation.
 */
import express from 'express';
import type { Request, Response, Router } from 'express';
import { verifyAppJwt } from './app-jwt.js';
import type { OAuthSim } from './oauth-sim.js';
import { restEmails, restUser } from './rest-user.js';
import { userInstallations } from './user-installations-route.js';

const DOCS = 'https://docs.github.com/rest';

function restError(res: Response, status: number, message: string): void {
  res.status(status).json({ message, documentation_url: DOCS, status: String(status) });
}

function bearer(req: Request): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function param(req: Request, name: string): string | undefined {
  const fromBody = (req.body as Record<string, unknown> | undefined)?.[name];
  const value = typeof fromBody === 'string' ? fromBody : req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function withQuery(target: string, params: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** `scope` as GitHub reads it: space- or comma-separated. */
export function parseScopes(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/[\s,]+/).filter(Boolean))];
}

/** Answers like GitHub: JSON when asked for, otherwise form-encoded (still status 200 for errors). */
function tokenAnswer(req: Request, res: Response, body: Record<string, string>): void {
  if ((req.headers.accept ?? '').includes('json')) res.json(body);
  else res.type('application/x-www-form-urlencoded').send(new URLSearchParams(body).toString());
}

export function oauthRouter(oauth: OAuthSim): Router {
  const router = express.Router();
  const forms = [express.urlencoded({ extended: false }), express.json()];

  router.get('/login/oauth/authorize', (req, res) => {
    const clientId = param(req, 'client_id');
    const redirectUri = param(req, 'redirect_uri');
    const state = param(req, 'state');
    if (!clientId || !oauth.hasClient(clientId)) return void res.status(404).send('Not Found');
    if (!redirectUri || !/^https?:\/\//.test(redirectUri))
      return void res.status(400).send('The redirect_uri is missing or not an absolute URL.');
    if (oauth.deny) {
      const error_description = 'The user has denied your application access.';
      const error_uri =
        'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied';
      return void res.redirect(
        302,
        withQuery(redirectUri, { error: 'access_denied', error_description, error_uri, state }),
      );
    }
    const code = oauth.issueCode({
      clientId,
      redirectUri,
      scopes: parseScopes(param(req, 'scope')),
      login: oauth.login,
    });
    res.redirect(302, withQuery(redirectUri, { code, state }));
  });

  router.post('/login/oauth/access_token', ...forms, (req, res) => {
    const clientId = param(req, 'client_id') ?? '';
    if (!oauth.clientSecretMatches(clientId, param(req, 'client_secret'))) {
      return tokenAnswer(req, res, {
        error: 'incorrect_client_credentials',
        error_description: 'The client_id and/or client_secret passed are incorrect.',
      });
    }
    const grant = oauth.takeCode(param(req, 'code') ?? '');
    if (!grant || grant.clientId !== clientId) {
      return tokenAnswer(req, res, {
        error: 'bad_verification_code',
        error_description: 'The code passed is incorrect or expired.',
      });
    }
    const redirectUri = param(req, 'redirect_uri');
    if (redirectUri !== undefined && redirectUri !== grant.redirectUri) {
      return tokenAnswer(req, res, {
        error: 'redirect_uri_mismatch',
        error_description: 'The redirect_uri MUST match the registered callback URL for this application.',
      });
    }
    const token = oauth.issueUserToken(grant.login, grant.scopes);
    tokenAnswer(req, res, { access_token: token, scope: grant.scopes.join(','), token_type: 'bearer' });
  });

  const userFor = (req: Request, res: Response) => {
    const token = bearer(req);
    const user = token ? oauth.store.userForToken(token) : undefined;
    if (!token || !user) return void restError(res, 401, 'Bad credentials');
    if (token.startsWith('ghs_')) return void restError(res, 403, 'Resource not accessible by integration');
    const scopes = oauth.scopesOf(token);
    if (scopes) res.set('X-OAuth-Scopes', scopes.join(', '));
    return { user, scopes };
  };

  router.get('/user', (req, res) => {
    const found = userFor(req, res);
    if (found) res.json(restUser(found.user));
  });

  router.get('/user/emails', (req, res) => {
    const found = userFor(req, res);
    if (!found) return;
    if (found.scopes && !found.scopes.some((s) => s === 'user' || s === 'user:email'))
      return restError(res, 404, 'Not Found');
    res.json(restEmails(found.user));
  });

  router.get('/user/installations', userInstallations(oauth));

  router.post('/app/installations/:id/access_tokens', express.json(), (req, res) => {
    const check = verifyAppJwt(oauth, req.headers.authorization, Date.now());
    if (!check.ok) return restError(res, check.status, check.message);
    const installation = check.app.installations.get(Number(req.params['id']));
    if (!installation) return restError(res, 404, 'Not Found');
    if (installation.suspended) return restError(res, 403, 'This installation has been suspended');
    const minted = oauth.mintInstallationToken(installation);
    res.status(201).json({
      token: minted.token,
      expires_at: minted.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions: { issues: 'write', metadata: 'read', pull_requests: 'read' },
      repository_selection: 'all',
    });
  });

  router.delete('/installation/token', (req, res) => {
    const token = bearer(req);
    if (!token?.startsWith('ghs_') || !oauth.revoke(token)) return restError(res, 401, 'Bad credentials');
    res.status(204).end();
  });

  router.delete('/applications/:clientId/token', express.json(), (req, res) => {
    const clientId = String(req.params['clientId']);
    const basic = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [user, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    if (user !== clientId || !oauth.clientSecretMatches(clientId, secret))
      return restError(res, 401, 'Requires authentication');
    const token = param(req, 'access_token');
    if (!token) return restError(res, 422, 'Invalid request.\n\n"access_token" wasn\'t supplied.');
    if (!oauth.revoke(token)) return restError(res, 404, 'Not Found');
    res.status(204).end();
  });

  return router;
}
