import { z } from 'zod';
import { dateTime } from './common.js';

/** presentIntegration: the workspace's GitHub connection (never the token or webhook secret). */
export const integrationSchema = z
  .object({
    id: z.string().uuid(),
    provider: z.string().meta({ example: 'github_mcp' }),
    auth_kind: z.enum(['oauth', 'app', 'token']),
    status: z.enum(['connected', 'disconnected', 'error']),
    status_message: z.string().nullable(),
    github_login: z.string().nullable(),
    scopes: z.array(z.string()),
    installation_id: z.string().nullable().describe('GitHub App installation id (decimal string)'),
    created_at: dateTime(),
    updated_at: dateTime(),
  })
  .meta({ id: 'Integration', description: "The workspace's GitHub connection" });
export type IntegrationView = z.output<typeof integrationSchema>;

/** PUT credentials/token and credentials/installation. */
export const integrationResponseSchema = z
  .object({ integration: integrationSchema })
  .meta({ id: 'IntegrationResponse' });

/** DELETE disconnect. */
export const disconnectResponseSchema = z
  .object({
    integration: integrationSchema,
    repositories_disabled: z.number().int().min(0).describe('repository syncs whose schedule was stopped'),
    token_revoked: z.boolean().describe('whether GitHub confirmed revoking the stored OAuth token'),
  })
  .meta({ id: 'DisconnectResponse' });

/** GET oauth/authorize. */
export const oauthAuthorizationSchema = z
  .object({
    authorization_url: z.string().describe("GitHub's authorize URL to send the admin's browser to"),
    expires_at: dateTime().describe('when the single-use state expires'),
    scopes: z.array(z.string()),
  })
  .meta({ id: 'OAuthAuthorization' });

/** GET auth/github/callback (JSON, no redirect). */
export const oauthCallbackResponseSchema = z
  .object({
    status: z.literal('connected'),
    workspace_id: z.string().uuid(),
    integration: integrationSchema,
  })
  .meta({ id: 'OAuthCallbackResponse' });
