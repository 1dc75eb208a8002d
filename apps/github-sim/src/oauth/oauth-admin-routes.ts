/** `/_admin/oauth`: steer the OAuth and GitHub App endpoints (who approves, denial, apps, token lifetime). */
import { createPublicKey } from 'node:crypto';
import express from 'express';
import type { Router } from 'express';
import { guard } from '../http/admin-common.js';
import { BadRequest, asBody, int, str } from '../http/admin-validate.js';
import type { InstallationInput, OAuthSim } from './oauth-sim.js';

function installationOf(value: unknown): InstallationInput {
  const body = asBody(value);
  const id = int(body, 'id');
  if (id === undefined || id === 0) throw new BadRequest('id must be a positive integer');
  const suspended = body['suspended'];
  if (suspended !== undefined && typeof suspended !== 'boolean')
    throw new BadRequest('suspended must be a boolean');
  const installedBy = str(body, 'installed_by');
  return {
    id,
    account: str(body, 'account', true),
    ...(suspended !== undefined ? { suspended } : {}),
    ...(installedBy !== undefined ? { installedBy } : {}),
  };
}

export function oauthAdminRouter(oauth: OAuthSim): Router {
  const router = express.Router();
  router.use(express.json());
  router.get(
    '/',
    guard((_req, res) => res.json(oauth.summary())),
  );
  /** `{login?, deny?, installation_token_ttl_seconds?}` */
  router.post(
    '/config',
    guard((req, res) => {
      const body = asBody(req.body ?? {});
      const login = str(body, 'login');
      if (login !== undefined) {
        oauth.store.ensureUser(login);
        oauth.login = login;
      }
      if (body['deny'] !== undefined) {
        if (typeof body['deny'] !== 'boolean') throw new BadRequest('deny must be a boolean');
        oauth.deny = body['deny'];
      }
      const ttl = int(body, 'installation_token_ttl_seconds');
      if (ttl !== undefined) {
        if (ttl < 1) throw new BadRequest('installation_token_ttl_seconds must be at least 1');
        oauth.installationTokenTtlSeconds = ttl;
      }
      res.json(oauth.summary());
    }),
  );
  /** `{client_id, client_secret}` */
  router.post(
    '/clients',
    guard((req, res) => {
      const body = asBody(req.body);
      oauth.registerClient(str(body, 'client_id', true), str(body, 'client_secret', true));
      res.status(201).json({ client_id: body['client_id'] });
    }),
  );
  /** `{app_id, public_key (PEM), installations?: [{id, account, suspended?}]}` */
  router.post(
    '/apps',
    guard((req, res) => {
      const body = asBody(req.body);
      const appId = str(body, 'app_id', true);
      const publicKey = str(body, 'public_key', true);
      try {
        createPublicKey(publicKey);
      } catch {
        throw new BadRequest('public_key must be a PEM public key');
      }
      oauth.registerApp(appId, publicKey);
      const installations = body['installations'];
      if (installations !== undefined && !Array.isArray(installations))
        throw new BadRequest('installations must be an array');
      for (const item of installations ?? []) oauth.addInstallation(appId, installationOf(item));
      res.status(201).json(oauth.summary());
    }),
  );
  /** `{id, account, suspended?, installed_by?}` */
  router.post(
    '/apps/:appId/installations',
    guard((req, res) => {
      const appId = String(req.params['appId']);
      if (!oauth.app(appId)) throw new BadRequest(`app ${appId} is not registered`);
      res.status(201).json(oauth.addInstallation(appId, installationOf(req.body)));
    }),
  );
  /** `{login}`: makes the user a member of the organization (sees its installations). */
  router.post(
    '/orgs/:org/members',
    guard((req, res) => {
      const org = String(req.params['org']);
      oauth.addMember(org, str(asBody(req.body), 'login', true));
      res.status(201).json({ org, login: asBody(req.body)['login'] });
    }),
  );
  /** Revokes any token (OAuth, installation or registered PAT). */
  router.delete(
    '/tokens/:token',
    guard((req, res) => {
      res.status(oauth.revoke(String(req.params['token'])) ? 204 : 404).end();
    }),
  );
  return router;
}
