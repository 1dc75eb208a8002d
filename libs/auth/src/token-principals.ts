import { Injectable } from '@nestjs/common';
import { type TokenPrincipal, WorkspaceRepository } from '#libs/db';

/**
 * How long one process answers a token from memory. A revoked or expired token, a removed member and a
 * demoted one are therefore refused (or lose admin rights) on every API process within this time.
 */
export const TOKEN_CACHE_MS = 1000;
/** Entries kept at most; past it the cache starts afresh (a flood of distinct tokens cannot grow it). */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: TokenPrincipal;
  /** The auth epoch its request read (undefined: none). */
  epoch: number | undefined;
  /** performance.now() until which the entry may answer. */
  freshUntil: number;
}

/**
 * The principals of API token hashes, looked up in the database at most once per TOKEN_CACHE_MS per token
 * and process. An entry's time starts when its lookup was sent, so a change committed after that is
 * seen by the first request more than TOKEN_CACHE_MS later; an entry never outlives its token's
 * `expires_at`. A request that read a different auth epoch than the entry's (AuthEpoch: revocations and
 * role changes bump it) looks the token up again, so those take effect at once on every process whose
 * rate-limit check reached Redis. Unknown and dead tokens are never kept: each is looked up again.
 */
@Injectable()
export class TokenPrincipals {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly workspaces: WorkspaceRepository) {}

  /** `epoch`: the auth epoch this request read, if any. */
  async byHash(tokenHash: string, epoch?: number): Promise<TokenPrincipal | null> {
    const now = performance.now();
    const entry = this.entries.get(tokenHash);
    if (entry && now < entry.freshUntil && (epoch === undefined || epoch === entry.epoch))
      return entry.principal;
    const sentAtWall = Date.now();
    const found = await this.workspaces.findLiveTokenByHash(tokenHash, new Date(sentAtWall));
    if (!found) {
      this.entries.delete(tokenHash);
      return null;
    }
    const untilExpiry = found.expiresAt ? found.expiresAt.getTime() - sentAtWall : Infinity;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, {
      principal: found.principal,
      epoch,
      freshUntil: now + Math.min(TOKEN_CACHE_MS, untilExpiry),
    });
    return found.principal;
  }

  /** Forgets a token in this process at once (other processes within TOKEN_CACHE_MS). */
  forgetToken(tokenId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.principal.tokenId === tokenId) this.entries.delete(hash);
    }
  }
}
