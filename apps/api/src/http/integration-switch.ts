import type { onRequestHookHandler } from 'fastify';
import type { AppConfig } from '#libs/config';
import { requestPath } from './public-url.js';

/** Routes that exist only for the GitHub integration (relative to the API prefix). */
const INTEGRATION_ROUTES = [
  'workspaces/[^/]+/integrations(/|$)', // connect, status, sync, configure, repositories, OAuth authorize, …
  'auth/github(/|$)', // OAuth callback
];

/**
 * ENABLE_GITHUB_MCP_INTEGRATION=false: the integration routes answer
 * `503 {"error": {"code": "integration_disabled"}}` before authentication or any work (nothing is stored
 * or enqueued). Webhook deliveries are still accepted and stored (202) — the worker records sync events as
 * `ignored` and still applies installation events — so no delivery is lost. Health, metrics, docs, the
 * queue dashboard and the workspace issues API stay up.
 */
export function integrationDisabledHook(config: Pick<AppConfig, 'api'>): onRequestHookHandler {
  const prefix = config.api.prefix ? `/${config.api.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '';
  // Case-insensitive like the routing (caseSensitive is off), so `/Integrations/GitHub-MCP/…`, which
  // reaches the same controllers, is switched off too.
  const pattern = new RegExp(`^${prefix}/(${INTEGRATION_ROUTES.join('|')})`, 'i');
  return (req, reply, done) => {
    if (!pattern.test(requestPath(req))) return done();
    void reply.status(503).send({
      error: {
        code: 'integration_disabled',
        message:
          'the GitHub integration is disabled on this deployment (ENABLE_GITHUB_MCP_INTEGRATION=false)',
      },
    });
  };
}
