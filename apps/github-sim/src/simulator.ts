/** Starting and stopping a simulator instance (programmatic API). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallStats } from './faults/call-stats.js';
import { FaultController } from './faults/fault-controller.js';
import { DEFAULT_LOGIN } from './generator/users.js';
import { createApp } from './http/app.js';
import { SNAPSHOT_PROFILE, type ServerProfile } from './mcp/profile.js';
import { OAuthSim } from './oauth/index.js';
import type { SearchSettings } from './search/search-settings.js';
import { SimStore } from './store/store.js';
import type { RepoSpec } from './store/types.js';
import { WebhookDispatcher, type WebhookHookInput } from './webhooks/index.js';

/** Token of the default user `octocat` (a syntactically valid classic PAT). */
export const DEFAULT_SIM_TOKEN = 'ghp_SimOctocat00000000000000000000000000';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generator seed (default 42). */
  seed?: number;
  /** Repositories to generate (default none). */
  repos?: RepoSpec[];
  /** Extra token users; `octocat` with `DEFAULT_SIM_TOKEN` always exists. */
  users?: { login: string; token: string }[];
  /** Wall clock used to stamp changes (default Date.now); stamps are monotonic per second. */
  clock?: () => number;
  /** Webhook hooks to deliver every change to (more via `POST /_admin/webhooks`). */
  webhooks?: WebhookHookInput[];
  /** Which GitHub MCP server to play (default: the snapshot; see mcp/profile.ts). */
  profile?: Partial<ServerProfile>;
  /** Search bucket, result cap and index lag (default: 30 a minute, 1,000 results, no lag). */
  search?: Partial<SearchSettings>;
  /** Wall clock of the search index lag and the search rate window (default Date.now). */
  searchClock?: () => number;
}

export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** `${url}/mcp`. */
  mcpUrl: string;
  store: SimStore;
  faults: FaultController;
  stats: CallStats;
  /** OAuth web flow, GitHub App installations and tokens (`apps/github-sim/src/oauth`). */
  oauth: OAuthSim;
  /** Signed webhook deliveries of every change (`apps/github-sim/src/webhooks`). */
  webhooks: WebhookDispatcher;
  /** The server it plays. */
  profile: ServerProfile;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const store = new SimStore({ clock: options.clock, searchClock: options.searchClock });
  store.search.configure(options.search ?? {});
  store.reset({ seed: options.seed ?? 42, repos: options.repos ?? [] });
  store.registerToken(DEFAULT_SIM_TOKEN, DEFAULT_LOGIN);
  for (const user of options.users ?? []) store.registerToken(user.token, user.login);
  const faults = new FaultController();
  const stats = new CallStats();
  const oauth = new OAuthSim(store);
  const webhooks = new WebhookDispatcher(store);
  const profile: ServerProfile = { ...SNAPSHOT_PROFILE, ...options.profile };
  const app = createApp({ store, faults, stats, oauth, webhooks, profile });
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  for (const hook of options.webhooks ?? []) webhooks.addHook(hook);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    mcpUrl: `${url}/mcp`,
    store,
    faults,
    stats,
    oauth,
    webhooks,
    profile,
    close: () =>
      new Promise<void>((resolve, reject) => {
        oauth.close();
        webhooks.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
