/** `/_admin/repos/:owner/:repo/pulls…`: open and merge pull requests as other users would. */
import express from 'express';
import type { Request, Router } from 'express';
import type { SimStore } from '../store/store.js';
import { DEFAULT_ADMIN_ACTOR, guard, issueView } from './admin-common.js';
import { BadRequest, asBody, str } from './admin-validate.js';

export function pullRoutes(store: SimStore): Router {
  const router = express.Router({ mergeParams: true });
  const repo = (req: Request) => store.requireRepo(String(req.params['owner']), String(req.params['repo']));
  const actor = (req: Request) =>
    store.ensureUser(str(asBody(req.body ?? {}), 'user') ?? DEFAULT_ADMIN_ACTOR);

  router.post(
    '/pulls',
    guard((req, res) => {
      const state = repo(req);
      const body = asBody(req.body);
      const draft = body['draft'];
      if (draft !== undefined && typeof draft !== 'boolean') throw new BadRequest('draft must be a boolean');
      const pr = store.createPullRequest(
        state,
        {
          title: str(body, 'title', true),
          body: str(body, 'body') ?? '',
          head: str(body, 'head', true),
          ...(str(body, 'base') ? { base: str(body, 'base') } : {}),
          ...(draft !== undefined ? { draft } : {}),
        },
        actor(req),
      );
      res.status(201).json(issueView(state, pr));
    }),
  );
  router.post(
    '/pulls/:number/merge',
    guard((req, res) => {
      const state = repo(req);
      const raw = String(req.params['number'] ?? '');
      if (!/^\d+$/.test(raw)) throw new BadRequest('number must be a positive integer');
      res.json(issueView(state, store.mergePullRequest(state, Number(raw), actor(req))));
    }),
  );
  return router;
}
