export { generateApiToken, hashApiToken } from './api-token.js';
export { ApiTokenGuard } from './api-token.guard.js';
export {
  ADMIN_ONLY,
  AdminOnly,
  type AuthenticatedRequest,
  PUBLIC_ROUTE,
  Principal,
  Public,
} from './principal.js';
