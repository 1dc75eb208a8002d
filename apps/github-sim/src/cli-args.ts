/** Parsing of the CLI's arguments (`--port 4010 --seed 42 --repos acme/web:1000:3000:50`). */
import {
  SIM_STRUCTURED_CONTENT,
  SIM_TEXT_ENCODINGS,
  type ServerProfile,
  type SimStructuredContent,
  type SimTextEncoding,
} from './mcp/profile.js';
import type { SearchSettings } from './search/search-settings.js';
import type { RepoSpec } from './store/types.js';

/** `owner/name[:issues[:comments[:prs]]]`, e.g. `acme/web:1000:3000:50`. */
export function parseRepoSpec(text: string): RepoSpec {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)((?::\d+){0,3})$/.exec(text.trim());
  if (!match) throw new Error(`invalid --repos value "${text}" (expected owner/name:issues:comments:prs)`);
  const [, owner = '', name = '', counts = ''] = match;
  const [issues, comments, pullRequests] = counts.split(':').slice(1).map(Number);
  const spec: RepoSpec = { owner, name };
  if (issues !== undefined) spec.issues = issues;
  if (comments !== undefined) spec.comments = comments;
  if (pullRequests !== undefined) spec.pullRequests = pullRequests;
  return spec;
}

export interface CliOptions {
  port: number;
  host: string;
  seed: number;
  repos: RepoSpec[];
  /** `--webhook-url` / `--webhook-secret` (SIM_WEBHOOK_URL / SIM_WEBHOOK_SECRET): one hook for every change. */
  webhooks?: { url: string; secret: string }[];
  /** `--text-encoding`, `--update-issue-comment`, `--structured-content` (SIM_TEXT_ENCODING, …). */
  profile: Partial<ServerProfile>;
  /** `--search-lag-ms`, `--search-per-minute`, `--search-max-results` (SIM_SEARCH_LAG_MS, …). */
  search: Partial<SearchSettings>;
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string | undefined): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} must be one of ${allowed.join(', ')}, got "${value ?? ''}"`);
}

function intValue(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new Error(`${flag} needs a non-negative integer, got "${value ?? ''}"`);
  return Number(value);
}

function positive(flag: string, value: string | undefined): number {
  const n = intValue(flag, value);
  if (n === 0) throw new Error(`${flag} must be at least 1`);
  return n;
}

/** Flags win over the environment fallbacks `SIM_PORT`, `SIM_SEED`, `SIM_HOST`, `SIM_REPOS` (comma-separated). */
export function parseCli(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const options: CliOptions = {
    port: env['SIM_PORT'] ? intValue('SIM_PORT', env['SIM_PORT']) : 4010,
    host: env['SIM_HOST'] || '127.0.0.1',
    seed: env['SIM_SEED'] ? intValue('SIM_SEED', env['SIM_SEED']) : 42,
    repos: (env['SIM_REPOS'] ?? '').split(',').filter(Boolean).map(parseRepoSpec),
    profile: {},
    search: {},
  };
  if (env['SIM_SEARCH_LAG_MS'])
    options.search.lagMs = intValue('SIM_SEARCH_LAG_MS', env['SIM_SEARCH_LAG_MS']);
  if (env['SIM_SEARCH_PER_MINUTE'])
    options.search.perMinute = positive('SIM_SEARCH_PER_MINUTE', env['SIM_SEARCH_PER_MINUTE']);
  if (env['SIM_TEXT_ENCODING'])
    options.profile.textEncoding = oneOf('SIM_TEXT_ENCODING', SIM_TEXT_ENCODINGS, env['SIM_TEXT_ENCODING']);
  if (env['SIM_STRUCTURED_CONTENT'])
    options.profile.structuredContent = oneOf(
      'SIM_STRUCTURED_CONTENT',
      SIM_STRUCTURED_CONTENT,
      env['SIM_STRUCTURED_CONTENT'],
    );
  if (env['SIM_UPDATE_ISSUE_COMMENT'] === 'true') options.profile.updateIssueComment = true;
  let webhookUrl = env['SIM_WEBHOOK_URL'] || undefined;
  let webhookSecret = env['SIM_WEBHOOK_SECRET'] ?? '';
  const fromFlags: RepoSpec[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--port') options.port = intValue(flag, value());
    else if (flag === '--seed') options.seed = intValue(flag, value());
    else if (flag === '--host') options.host = value() ?? options.host;
    else if (flag === '--repos' || flag === '--repo')
      fromFlags.push(...(value() ?? '').split(',').filter(Boolean).map(parseRepoSpec));
    else if (flag === '--webhook-url') webhookUrl = value();
    else if (flag === '--webhook-secret') webhookSecret = value() ?? '';
    else if (flag === '--text-encoding')
      options.profile.textEncoding = oneOf<SimTextEncoding>(flag, SIM_TEXT_ENCODINGS, value());
    else if (flag === '--structured-content')
      options.profile.structuredContent = oneOf<SimStructuredContent>(flag, SIM_STRUCTURED_CONTENT, value());
    else if (flag === '--search-lag-ms') options.search.lagMs = intValue(flag, value());
    else if (flag === '--search-per-minute') options.search.perMinute = positive(flag, value());
    else if (flag === '--search-max-results') options.search.maxResults = positive(flag, value());
    else if (flag === '--update-issue-comment') options.profile.updateIssueComment = true;
    else if (flag === '--help' || flag === '-h') throw new Error('usage');
    else throw new Error(`unknown argument "${arg}"`);
  }
  if (fromFlags.length > 0) options.repos = fromFlags;
  if (webhookUrl) {
    if (!/^https?:\/\//.test(webhookUrl))
      throw new Error(`--webhook-url must be an http(s) URL, got "${webhookUrl}"`);
    options.webhooks = [{ url: webhookUrl, secret: webhookSecret }];
  }
  return options;
}
