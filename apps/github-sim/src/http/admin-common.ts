/** Helpers shared by the admin routers. */
import type { NextFunction, Request, Response } from 'express';
import { StoreError } from '../store/errors.js';
import type { RepoState } from '../store/repo-state.js';
import type { SimIssue } from '../store/types.js';
import { BadRequest } from './admin-validate.js';

/** Login used for admin changes when the body names no `user` (someone other than octocat). */
export const DEFAULT_ADMIN_ACTOR = 'mona';

export function repoSummary(state: RepoState): Record<string, unknown> {
  let issues = 0;
  let pullRequests = 0;
  for (const item of state.items.values()) {
    if (item.pull) pullRequests++;
    else issues++;
  }
  const { id, full_name, private: isPrivate, default_branch } = state.repo;
  return {
    id,
    full_name,
    private: isPrivate,
    default_branch,
    issues,
    pullRequests,
    comments: state.comments.size,
  };
}

export function issueView(state: RepoState, issue: SimIssue): Record<string, unknown> {
  const kind = issue.pull ? 'pull' : 'issues';
  return {
    ...issue,
    repository: state.fullName,
    html_url: `https://github.com/${state.fullName}/${kind}/${issue.number}`,
  };
}

export function sendError(res: Response, err: unknown): void {
  if (err instanceof BadRequest) res.status(400).json({ error: err.message });
  else if (err instanceof StoreError) {
    const status = { not_found: 404, gone: 410, validation: 422, conflict: 409 }[err.kind];
    res.status(status).json({ error: err.message, details: err.details });
  } else throw err;
}

/** Wraps a synchronous handler so validation/store errors become JSON answers. */
export function guard(fn: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    try {
      fn(req, res);
    } catch (err) {
      try {
        sendError(res, err);
      } catch (unexpected) {
        next(unexpected);
      }
    }
  };
}
