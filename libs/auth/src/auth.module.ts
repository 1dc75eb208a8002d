import { Global, Module } from '@nestjs/common';
import { ApiTokenService } from './api-token.service.js';
import { AuditTrail } from './audit-trail.js';
import { ConsoleSessionService } from './console-session.service.js';

/** Audit trail, API token management and console sessions. Needs DbModule. */
@Global()
@Module({
  providers: [AuditTrail, ApiTokenService, ConsoleSessionService],
  exports: [AuditTrail, ApiTokenService, ConsoleSessionService],
})
export class AuthModule {}
