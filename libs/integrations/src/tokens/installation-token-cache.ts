/** A GitHub App installation token and when it stops working. */
export interface InstallationToken {
  token: string;
  expiresAt: Date;
}

/** Obtains a fresh token for an installation (mints one, or reads a still-fresh stored one). */
export type InstallationTokenLoader = (installationId: bigint) => Promise<InstallationToken>;

/** A cached token is replaced once less than this much of its life remains. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * Installation tokens cached per installation. A token is reused while at least a minute of its life
 * remains; then the next caller loads a new one. Concurrent callers of one installation share one load,
 * and a failed load is not cached (the next caller tries again).
 */
export class InstallationTokenCache {
  private readonly tokens = new Map<bigint, InstallationToken>();
  private readonly loading = new Map<bigint, Promise<InstallationToken>>();

  constructor(
    private readonly load: InstallationTokenLoader,
    private readonly now: () => number = Date.now,
    private readonly marginMs = REFRESH_MARGIN_MS,
  ) {}

  /** True when the token has at least the refresh margin of life left. */
  isFresh(token: InstallationToken): boolean {
    return token.expiresAt.getTime() - this.now() >= this.marginMs;
  }

  async get(installationId: bigint): Promise<InstallationToken> {
    const cached = this.tokens.get(installationId);
    if (cached && this.isFresh(cached)) return cached;
    let pending = this.loading.get(installationId);
    if (!pending) {
      pending = this.load(installationId)
        .then((token) => {
          this.tokens.set(installationId, token);
          return token;
        })
        .finally(() => this.loading.delete(installationId));
      this.loading.set(installationId, pending);
    }
    return pending;
  }

  /** Drops the cached token (installation unlinked, or GitHub rejected the token). */
  forget(installationId: bigint): void {
    this.tokens.delete(installationId);
  }
}
