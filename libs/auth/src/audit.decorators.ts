import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = 'audit:action';
export const NO_AUDIT = 'audit:skip';

/**
 * Names the action an admin route records in `audit_logs` (admin-only routes are audited
 * automatically; without a name the action is `<METHOD> <route>`).
 */
export const AuditAction = (action: string) => SetMetadata(AUDIT_ACTION, action);
/** An admin-only route that is a plain read (e.g. reading the audit log itself) and is not recorded. */
export const NoAudit = () => SetMetadata(NO_AUDIT, true);
