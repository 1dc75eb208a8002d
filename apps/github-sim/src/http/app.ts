/** The simulator's HTTP application: MCP endpoint, OAuth protected-resource metadata, admin API. */
import express from 'express';
import type { Express, Request, Response } from 'express';
import { adminRouter } from './admin-routes.js';
import type { AdminDeps } from './admin-routes.js';
import type { ServerProfile } from '../mcp/profile.js';
import { mcpRouter } from './mcp-route.js';
import { OAuthSim, oauthAdminRouter, oauthRouter } from '../oauth/index.js';
import { type WebhookDispatcher, webhookAdminRouter } from '../webhooks/index.js';

const SCOPES = [
  'repo',
  'read:org',
  'read:user',
  'user:email',
  'gist',
  'notifications',
  'project',
  'workflow',
];

function protectedResource(req: Request, res: Response): void {
  const base = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  res.json({
    resource: `${base}/mcp`,
    authorization_servers: [`${base}/login/oauth`],
    scopes_supported: SCOPES,
    bearer_methods_supported: ['header'],
    resource_name: 'GitHub MCP Server',
  });
}

export function createApp(
  deps: AdminDeps & { oauth?: OAuthSim; webhooks?: WebhookDispatcher; profile?: ServerProfile },
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(mcpRouter(deps));
  app.get(
    ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp'],
    protectedResource,
  );
  const oauth = deps.oauth ?? new OAuthSim(deps.store);
  app.use(oauthRouter(oauth));
  app.use('/_admin/oauth', oauthAdminRouter(oauth));
  if (deps.webhooks) app.use('/_admin/webhooks', webhookAdminRouter(deps.store, deps.webhooks));
  app.use('/_admin', adminRouter(deps));
  return app;
}
