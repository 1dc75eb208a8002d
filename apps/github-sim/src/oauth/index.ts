export { DEFAULT_OAUTH_CLIENT, OAuthSim } from './oauth-sim.js';
export type { MintedToken, SimGitHubApp, SimInstallation } from './oauth-sim.js';
export { oauthAdminRouter } from './oauth-admin-routes.js';
export { oauthRouter, parseScopes } from './oauth-routes.js';
