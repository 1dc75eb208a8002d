import { type ExecutionContext, createParamDecorator } from '@nestjs/common';

/** Details a handler adds to the audit record of its request (ids, names, outcomes — never secrets). */
export interface AuditNote {
  integrationId?: string | null | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface AuditedRequest {
  auditNote?: AuditNote;
}

/** Handle to add details to the request's audit record: `note.add({ details: { … } })`. */
export class AuditNotes {
  constructor(private readonly request: AuditedRequest) {}

  add(note: AuditNote): void {
    const current = this.request.auditNote ?? {};
    this.request.auditNote = { ...current, ...note, details: { ...current.details, ...note.details } };
  }
}

export const Audit = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => new AuditNotes(ctx.switchToHttp().getRequest<AuditedRequest>()),
);
