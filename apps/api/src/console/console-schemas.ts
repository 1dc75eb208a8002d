import { z } from 'zod';

/** `POST /console/session` body. */
export const sessionBody = z
  .object({
    workspace: z.string().min(1).max(100).describe('workspace slug'),
    token: z
      .string()
      .min(1)
      .max(255)
      .describe('an API token of that workspace (npm run cli -- create-token)'),
  })
  .strict();

const workspaceView = z.object({ slug: z.string(), name: z.string() });
const userView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'member']),
});

/** `POST/GET /console/session` answer. */
export const sessionView = z.object({
  workspace: workspaceView,
  user: userView,
  csrf_token: z
    .string()
    .describe('send as X-CSRF-Token on POST/PUT/PATCH/DELETE made with the session cookie (one per session)'),
  expires_at: z.string().datetime().describe('the session ends then (8 h after sign-in, never extended)'),
});

/** `GET /workspaces/{slug}/me` answer. */
export const meView = z.object({
  workspace: workspaceView,
  user: userView,
  integration_enabled: z
    .boolean()
    .describe('ENABLE_GITHUB_MCP_INTEGRATION: false when the integration routes answer 503'),
});
