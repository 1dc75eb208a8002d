import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { TokenPrincipal } from '#libs/db';

export const ADMIN_ONLY = 'auth:admin-only';
export const PUBLIC_ROUTE = 'auth:public';

/** Route needs a workspace admin (members get 403). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);
/** Route needs no API token (health, webhooks, OAuth callback). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest {
  principal?: TokenPrincipal;
}

/** The authenticated caller; its workspace is the one in the route (checked by the guard). */
export const Principal = createParamDecorator((_data: unknown, ctx: ExecutionContext): TokenPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('Principal used on a route without the API token guard');
  return principal;
});
