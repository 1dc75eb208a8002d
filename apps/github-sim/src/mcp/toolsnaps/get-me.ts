import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `get_me.snap` (github-mcp-server @64a49f34). */
export const getMeSnap: ToolSnap = {
  _meta: {
    ui: {
      resourceUri: 'ui://github-mcp-server/get-me',
      visibility: ['model', 'app'],
    },
  },
  annotations: {
    idempotentHint: false,
    readOnlyHint: true,
    title: 'Get my user profile',
  },
  description:
    "Get details of the authenticated GitHub user. Use this when a request is about the user's own profile for GitHub. Or when information is missing to build other tool calls.",
  inputSchema: {
    properties: {},
    type: 'object',
  },
  name: 'get_me',
};
