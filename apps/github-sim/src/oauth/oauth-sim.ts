/**
 * State of the simulated GitHub OAuth app and GitHub App endpoints: registered OAuth clients, the
 * user the authorize page "signs in" as (or a denial), pending authorization codes, token scopes,
 * registered GitHub Apps with their public keys and installations, and installation-token minting.
 */
import { randomBytes } from 'node:crypto';
import type { SimStore } from '../store/store.js';
import { DEFAULT_LOGIN } from '../generator/users.js';

/** The OAuth client every simulator knows (register more through `registerClient`). */
export const DEFAULT_OAUTH_CLIENT = { clientId: 'Iv1.simclient00000001', clientSecret: 'sim-client-secret' };

const CODE_TTL_MS = 10 * 60_000;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomToken(prefix: string, length = 36): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += BASE62[byte % BASE62.length];
  return out;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  login: string;
  expiresAt: number;
}

export interface SimInstallation {
  id: number;
  account: string;
  suspended: boolean;
  /** Login of the user who installed the App (sees the installation in `GET /user/installations`). */
  installedBy?: string | undefined;
}

/** An installation as `addInstallation` takes it. */
export interface InstallationInput {
  id: number;
  account: string;
  suspended?: boolean | undefined;
  installedBy?: string | undefined;
}

export interface SimGitHubApp {
  appId: string;
  publicKey: string;
  installations: Map<number, SimInstallation>;
}

export interface MintedToken {
  token: string;
  installationId: number;
  expiresAt: Date;
}

export class OAuthSim {
  /** Login the authorize page approves as. */
  login = DEFAULT_LOGIN;
  /** When true the authorize page answers `error=access_denied` (the user refused). */
  deny = false;
  /** Lifetime of minted installation tokens (GitHub: one hour). */
  installationTokenTtlSeconds = 3600;
  /** Every installation token minted so far (tests count them). */
  readonly minted: MintedToken[] = [];
  private readonly clients = new Map<string, string>([
    [DEFAULT_OAUTH_CLIENT.clientId, DEFAULT_OAUTH_CLIENT.clientSecret],
  ]);
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly scopes = new Map<string, string[]>();
  private readonly apps = new Map<string, SimGitHubApp>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Organization login (lower case) → logins (lower case) of its members. */
  private readonly members = new Map<string, Set<string>>();

  constructor(
    readonly store: SimStore,
    private readonly now: () => number = Date.now,
  ) {}

  registerClient(clientId: string, clientSecret: string): void {
    this.clients.set(clientId, clientSecret);
  }

  hasClient(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  clientSecretMatches(clientId: string, secret: string | undefined): boolean {
    return secret !== undefined && this.clients.get(clientId) === secret;
  }

  issueCode(input: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = randomBytes(10).toString('hex');
    this.codes.set(code, { ...input, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** The code's grant, consumed (codes are single use); undefined when unknown or expired. */
  takeCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > this.now() ? grant : undefined;
  }

  /** Creates an OAuth user token (`gho_…`) usable for REST and MCP calls. */
  issueUserToken(login: string, scopes: string[]): string {
    const token = randomToken('gho_');
    this.store.registerToken(token, login);
    this.scopes.set(token, scopes);
    return token;
  }

  /** Scopes recorded for a token; undefined for tokens registered elsewhere (treated as all scopes). */
  scopesOf(token: string): string[] | undefined {
    return this.scopes.get(token);
  }

  revoke(token: string): boolean {
    this.scopes.delete(token);
    return this.store.revokeToken(token);
  }

  registerApp(appId: string, publicKey: string): SimGitHubApp {
    const existing = this.apps.get(appId);
    const app: SimGitHubApp = { appId, publicKey, installations: existing?.installations ?? new Map() };
    this.apps.set(appId, app);
    return app;
  }

  addInstallation(appId: string, installation: InstallationInput): SimInstallation {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`app ${appId} is not registered`);
    this.store.ensureUser(installation.account);
    const entry: SimInstallation = {
      id: installation.id,
      account: installation.account,
      suspended: !!installation.suspended,
      ...(installation.installedBy ? { installedBy: installation.installedBy } : {}),
    };
    app.installations.set(installation.id, entry);
    return entry;
  }

  /** Makes `login` a member of the organization `org` (the organization's user becomes an Organization). */
  addMember(org: string, login: string): void {
    const account = this.store.ensureUser(org);
    account.type = 'Organization';
    this.store.ensureUser(login);
    const key = org.toLowerCase();
    const set = this.members.get(key) ?? new Set<string>();
    set.add(login.toLowerCase());
    this.members.set(key, set);
  }

  /**
   * Installations `GET /user/installations` lists for a user, as GitHub does: those on the user's own
   * account, on organizations the user is a member of, and those the user installed. By id.
   */
  installationsVisibleTo(login: string): { app: SimGitHubApp; installation: SimInstallation }[] {
    const me = login.toLowerCase();
    const found: { app: SimGitHubApp; installation: SimInstallation }[] = [];
    for (const app of this.apps.values()) {
      for (const installation of app.installations.values()) {
        const account = installation.account.toLowerCase();
        if (
          account === me ||
          installation.installedBy?.toLowerCase() === me ||
          this.members.get(account)?.has(me)
        )
          found.push({ app, installation });
      }
    }
    return found.sort((a, b) => a.installation.id - b.installation.id);
  }

  app(appId: string): SimGitHubApp | undefined {
    return this.apps.get(appId);
  }

  /** Mints an installation token (`ghs_…`) acting as the installation's account; revoked at expiry. */
  mintInstallationToken(installation: SimInstallation): MintedToken {
    const token = randomToken('ghs_');
    this.store.registerToken(token, installation.account);
    const ttlMs = this.installationTokenTtlSeconds * 1000;
    const expiresAt = new Date(Math.floor((this.now() + ttlMs) / 1000) * 1000);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.store.revokeToken(token);
    }, ttlMs);
    timer.unref();
    this.timers.add(timer);
    const minted = { token, installationId: installation.id, expiresAt };
    this.minted.push(minted);
    return minted;
  }

  /** Stops pending expiry timers (simulator shutdown). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  summary(): Record<string, unknown> {
    return {
      login: this.login,
      deny: this.deny,
      installation_token_ttl_seconds: this.installationTokenTtlSeconds,
      clients: [...this.clients.keys()],
      apps: [...this.apps.values()].map((a) => ({
        app_id: a.appId,
        installations: [...a.installations.values()],
      })),
      installation_tokens_minted: this.minted.length,
    };
  }
}
