import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CsrfError, UnauthorizedError } from '#libs/common';
import {
  type ConsoleIdentity,
  ConsoleSessionRepository,
  type TokenPrincipal,
  WorkspaceRepository,
} from '#libs/db';
import { hashApiToken } from './api-token.js';
import { ApiTokenService } from './api-token.service.js';
import { type AuditActor, AuditTrail, CLI_ACTOR } from './audit-trail.js';

export const SESSION_COOKIE = 'ghsync_session';
/** Absolute lifetime of a console session (never extended). */
export const SESSION_TTL_MS = 8 * 3600_000;
/** How long a sign-in link may be used. */
export const SIGNIN_LINK_TTL_MS = 10 * 60_000;
/** Name of the API token a sign-in link creates for its user. */
export const SIGNIN_LINK_TOKEN_NAME = 'console sign-in link';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What `POST/GET /console/session` answer. */
export interface ConsoleSessionView {
  workspace: { slug: string; name: string };
  user: { id: string; email: string; name: string; role: 'admin' | 'member' };
  csrf_token: string;
  expires_at: string;
}

export interface OpenedSession {
  /** The cookie value (32 random bytes, base64url); only its hash is stored. */
  sessionId: string;
  view: ConsoleSessionView;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The session's one CSRF token, derived from the session id (so it can be handed out again without being
 * stored); only its hash is stored. Knowing it reveals nothing about the session id.
 */
function csrfTokenOf(sessionId: string): string {
  return createHmac('sha256', sessionId).update('ghsync-csrf-token').digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Console sessions: a pasted API token (or a single-use sign-in link) exchanged for an HttpOnly cookie.
 * The session points at its API token, and every request re-reads the token and the membership, so
 * revoking the token, removing or demoting the user takes effect on the next request.
 */
@Injectable()
export class ConsoleSessionService {
  private lastSweep = 0;

  constructor(
    private readonly sessions: ConsoleSessionRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: ApiTokenService,
    private readonly audit: AuditTrail,
  ) {}

  /** Exchanges an API token of the workspace for a session; any mismatch is the same 401. */
  async create(input: { workspace: string; token: string }, actor: AuditActor): Promise<OpenedSession> {
    const principal = await this.workspaces.findPrincipalByTokenHash(hashApiToken(input.token));
    if (!principal || principal.workspaceSlug !== input.workspace) {
      throw new UnauthorizedError('invalid, revoked or expired API token for this workspace');
    }
    return this.open(principal.tokenId, actor, 'token');
  }

  /** The session behind a cookie value, or null (unknown, expired, or its token no longer valid). */
  async current(sessionId: string | undefined): Promise<ConsoleSessionView | null> {
    const found = await this.lookup(sessionId);
    return found && sessionId ? this.view(sessionId, found.identity, found.expiresAt) : null;
  }

  /**
   * The principal of a cookie-authenticated request. Throws 401 for a missing or dead session (and
   * deletes a session whose token died) and 403 `csrf_failed` for a state-changing method without the
   * session's `X-CSRF-Token`.
   */
  async authenticate(
    sessionId: string | undefined,
    method: string,
    csrfHeader: string | string[] | undefined,
  ): Promise<TokenPrincipal> {
    const found = await this.lookup(sessionId);
    if (!found) throw new UnauthorizedError('missing bearer API token or console session');
    if (UNSAFE_METHODS.has(method.toUpperCase())) {
      const given = typeof csrfHeader === 'string' ? csrfHeader : '';
      if (!given || !sameHash(sha256(given), found.csrfHash)) {
        throw new CsrfError('this request needs the X-CSRF-Token header of the console session');
      }
    }
    return found.identity.principal;
  }

  /** Whether `csrfHeader` is the CSRF token of the (valid) session. */
  async csrfMatches(sessionId: string | undefined, csrfHeader: string | undefined): Promise<boolean> {
    const found = await this.lookup(sessionId);
    return Boolean(found && csrfHeader && sameHash(sha256(csrfHeader), found.csrfHash));
  }

  async destroy(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.sessions.delete(sha256(sessionId));
  }

  /**
   * A single-use sign-in link code for a member of the workspace, valid SIGNIN_LINK_TTL_MS. Each link
   * gets its own API token ("console sign-in link", expiring when a session opened by the link would),
   * whose plaintext is never shown: revoking it ends the link's session.
   */
  async createSigninLink(input: {
    workspace: string;
    email: string;
  }): Promise<{ code: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + SIGNIN_LINK_TTL_MS);
    const token = await this.tokens.create(
      {
        workspace: input.workspace,
        email: input.email,
        name: SIGNIN_LINK_TOKEN_NAME,
        expiresAt: new Date(expiresAt.getTime() + SESSION_TTL_MS),
      },
      CLI_ACTOR,
    );
    const code = randomBytes(32).toString('base64url');
    await this.sessions.createSigninLink({ codeHash: sha256(code), apiTokenId: token.id, expiresAt });
    return { code, expiresAt };
  }

  /** Opens a session for a sign-in link code; null when the code is unknown, used or expired. */
  async redeemSigninLink(code: string, actor: AuditActor): Promise<OpenedSession | null> {
    if (!code) return null;
    const redeemed = await this.sessions.redeemSigninLink(sha256(code));
    if (!redeemed.ok) return null;
    try {
      return await this.open(redeemed.apiTokenId, actor, 'signin_link');
    } catch (error) {
      if (error instanceof UnauthorizedError) return null;
      throw error;
    }
  }

  private async open(tokenId: string, actor: AuditActor, via: 'token' | 'signin_link') {
    if (Date.now() - this.lastSweep > SIGNIN_LINK_TTL_MS) {
      this.lastSweep = Date.now();
      await this.sessions.deleteExpired();
    }
    const identity = await this.sessions.identityOfToken(tokenId);
    if (!identity) throw new UnauthorizedError('invalid, revoked or expired API token for this workspace');
    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.sessions.create({
      sessionHash: sha256(sessionId),
      csrfHash: sha256(csrfTokenOf(sessionId)),
      apiTokenId: tokenId,
      expiresAt,
    });
    await this.audit.recordSafely(
      identity.principal.workspaceId,
      { ...actor, userId: identity.principal.userId, tokenId },
      {
        action: 'console.session_created',
        targetType: 'api_token',
        targetId: tokenId,
        details: { with: via },
      },
    );
    return { sessionId, view: this.view(sessionId, identity, expiresAt) };
  }

  private async lookup(sessionId: string | undefined) {
    if (!sessionId || sessionId.length > 100) return null;
    const hash = sha256(sessionId);
    const session = await this.sessions.find(hash);
    if (!session) return null;
    if (!session.identity) {
      await this.sessions.delete(hash);
      return null;
    }
    return { identity: session.identity, csrfHash: session.csrfHash, expiresAt: session.expiresAt };
  }

  private view(sessionId: string, identity: ConsoleIdentity, expiresAt: Date): ConsoleSessionView {
    return {
      workspace: identity.workspace,
      user: identity.user,
      csrf_token: csrfTokenOf(sessionId),
      expires_at: expiresAt.toISOString(),
    };
  }
}
