/** `/_admin`: JSON API (no auth) for tests and the demo to move GitHub under the system. */
import express from 'express';
import type { Response, Router } from 'express';
import type { CallStats } from '../faults/call-stats.js';
import type { FaultController } from '../faults/fault-controller.js';
import { parseFaultRule } from '../faults/fault-controller.js';
import { parseSearchSettings } from '../search/search-settings.js';
import type { SimStore } from '../store/store.js';
import { guard, repoSummary } from './admin-common.js';
import { issueRoutes } from './admin-issue-routes.js';
import { pullRoutes } from './admin-pull-routes.js';
import { BadRequest, asBody, int, repoSpec, str } from './admin-validate.js';

export interface AdminDeps {
  store: SimStore;
  faults: FaultController;
  stats: CallStats;
}

export function adminRouter(deps: AdminDeps): Router {
  const { store, faults, stats } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '5mb' }));
  router.post(
    '/reset',
    guard((req, res) => {
      const body = asBody(req.body ?? {});
      const seed = int(body, 'seed') ?? store.seed;
      const repos =
        body['repos'] === undefined
          ? store.specs
          : (Array.isArray(body['repos']) ? body['repos'] : [null]).map(repoSpec);
      store.reset({ seed, repos });
      res.json({ seed, repos: store.allRepos().map(repoSummary) });
    }),
  );
  router.get(
    '/repos',
    guard((_req, res) => res.json(store.allRepos().map(repoSummary))),
  );
  router.post(
    '/repos',
    guard((req, res) => {
      const body = asBody(req.body);
      const state = store.addRepo(repoSpec(body), int(body, 'seed') ?? store.seed);
      res.status(201).json(repoSummary(state));
    }),
  );
  router.use('/repos/:owner/:repo', issueRoutes(store));
  router.use('/repos/:owner/:repo', pullRoutes(store));
  router.post(
    '/tokens',
    guard((req, res) => {
      const body = asBody(req.body);
      const token = str(body, 'token', true);
      const user = store.registerToken(token, str(body, 'login', true));
      res.status(201).json({ token, login: user.login, id: user.id });
    }),
  );
  const revoke = (token: string | undefined, res: Response): void => {
    if (!token) throw new BadRequest('token is required');
    res.status(store.revokeToken(token) ? 204 : 404).end();
  };
  router.delete(
    '/tokens/:token',
    guard((req, res) => revoke(String(req.params['token']), res)),
  );
  router.delete(
    '/tokens',
    guard((req, res) => revoke(str(asBody(req.body ?? {}), 'token'), res)),
  );
  router.get(
    '/faults',
    guard((_req, res) => res.json(faults.list())),
  );
  router.post(
    '/faults',
    guard((req, res) => {
      const rule = parseFaultRule(req.body);
      if (typeof rule === 'string') throw new BadRequest(rule);
      res.status(201).json({ id: faults.add(rule) });
    }),
  );
  router.delete(
    '/faults',
    guard((_req, res) => {
      faults.clear();
      res.status(204).end();
    }),
  );
  router.delete(
    '/faults/:id',
    guard((req, res) => {
      res.status(faults.remove(String(req.params['id'])) ? 204 : 404).end();
    }),
  );
  router.get(
    '/stats',
    guard((_req, res) => res.json(stats.snapshot())),
  );
  router.post(
    '/stats/reset',
    guard((_req, res) => {
      stats.reset();
      res.json(stats.snapshot());
    }),
  );
  router.get(
    '/events',
    guard((req, res) => {
      const since = Number(req.query['since'] ?? 0);
      res.json(store.recentEvents().filter((e) => e.seq > since));
    }),
  );
  router.get(
    '/search',
    guard((_req, res) => res.json(store.search.current)),
  );
  router.put(
    '/search',
    guard((req, res) => {
      const patch = parseSearchSettings(req.body);
      if (typeof patch === 'string') throw new BadRequest(patch);
      res.json(store.search.configure(patch));
    }),
  );
  router.post(
    '/search/bucket/reset',
    guard((_req, res) => {
      store.search.bucket.clear();
      res.status(204).end();
    }),
  );
  router.get(
    '/users',
    guard((_req, res) => res.json(store.allUsers())),
  );
  return router;
}
