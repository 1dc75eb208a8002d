import { Global, Module } from '@nestjs/common';
import { ApiTokenService } from './api-token.service.js';
import { AuditTrail } from './audit-trail.js';

/** Audit trail and API token management. Needs DbModule. */
@Global()
@Module({ providers: [AuditTrail, ApiTokenService], exports: [AuditTrail, ApiTokenService] })
export class AuthModule {}
