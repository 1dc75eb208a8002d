import { Global, Module } from '@nestjs/common';
import { ApiTokenService } from './api-token.service.js';
import { AuditTrail } from './audit-trail.js';
import { AuthEpoch } from './auth-epoch.js';
import { ConsoleSessionService } from './console-session.service.js';
import { TokenPrincipals } from './token-principals.js';

/** Audit trail, API token management, token principals (and their auth epoch) and console sessions. Needs DbModule and ConfigModule. */
@Global()
@Module({
  providers: [AuditTrail, ApiTokenService, ConsoleSessionService, TokenPrincipals, AuthEpoch],
  exports: [AuditTrail, ApiTokenService, ConsoleSessionService, TokenPrincipals, AuthEpoch],
})
export class AuthModule {}
