/** `/_admin/repos/:owner/:repo/issues…`: read and change issues and comments as other users would. */
import express from 'express';
import type { Request, Router } from 'express';
import type { RepoState } from '../store/repo-state.js';
import type { SimStore } from '../store/store.js';
import type { SimUser } from '../store/types.js';
import { DEFAULT_ADMIN_ACTOR, guard, issueView } from './admin-common.js';
import { BadRequest, asBody, issuePatch, str } from './admin-validate.js';

function param(req: Request, key: string): string {
  return String(req.params[key] ?? '');
}

function number(req: Request, key: string): number {
  const raw = param(req, key);
  if (!/^\d+$/.test(raw)) throw new BadRequest(`${key} must be a positive integer`);
  return Number(raw);
}

export function issueRoutes(store: SimStore): Router {
  const router = express.Router({ mergeParams: true });
  const repo = (req: Request): RepoState => store.requireRepo(param(req, 'owner'), param(req, 'repo'));
  const actor = (req: Request): SimUser =>
    store.ensureUser(str(asBody(req.body ?? {}), 'user') ?? DEFAULT_ADMIN_ACTOR);

  router.patch(
    '/issues/comments/:id',
    guard((req, res) => {
      const state = repo(req);
      const comment = store.updateComment(
        state,
        number(req, 'id'),
        str(asBody(req.body), 'body', true),
        actor(req),
      );
      res.json(comment);
    }),
  );
  router.delete(
    '/issues/comments/:id',
    guard((req, res) => {
      const state = repo(req);
      store.deleteComment(state, number(req, 'id'), actor(req));
      res.status(204).end();
    }),
  );
  router.get(
    '/issues/:number',
    guard((req, res) => {
      const state = repo(req);
      const issue = state.items.get(number(req, 'number'));
      if (!issue) {
        res.status(state.deleted.has(number(req, 'number')) ? 410 : 404).json({ error: 'issue not found' });
        return;
      }
      res.json(issueView(state, issue));
    }),
  );
  router.get(
    '/issues/:number/comments',
    guard((req, res) => {
      const state = repo(req);
      res.json(state.commentsOf(number(req, 'number')));
    }),
  );
  router.post(
    '/issues',
    guard((req, res) => {
      const state = repo(req);
      const body = asBody(req.body);
      const patch = issuePatch(body);
      const title = str(body, 'title', true);
      const input = {
        title,
        body: patch.body ?? '',
        labels: patch.labels,
        assignees: patch.assignees,
        milestone: patch.milestone,
      };
      const issue = store.createIssue(state, input, actor(req));
      res.status(201).json(issueView(state, issue));
    }),
  );
  router.patch(
    '/issues/:number',
    guard((req, res) => {
      const state = repo(req);
      const issue = store.updateIssue(state, number(req, 'number'), issuePatch(asBody(req.body)), actor(req));
      res.json(issueView(state, issue));
    }),
  );
  router.delete(
    '/issues/:number',
    guard((req, res) => {
      const state = repo(req);
      store.deleteIssue(state, number(req, 'number'), actor(req));
      res.status(204).end();
    }),
  );
  router.post(
    '/issues/:number/comments',
    guard((req, res) => {
      const state = repo(req);
      const comment = store.createComment(
        state,
        number(req, 'number'),
        str(asBody(req.body), 'body', true),
        actor(req),
      );
      res.status(201).json(comment);
    }),
  );
  return router;
}
