/** Port of github-mcp-server `utils.ParseAuthorizationHeader`. */

export type TokenType = 'pat' | 'fine_grained_pat' | 'oauth' | 'app_user' | 'app_installation' | 'ide';

export type AuthResult =
  { ok: true; token: string; type: TokenType } | { ok: false; status: 401 | 400; message: string };

const PREFIXES: readonly [string, TokenType][] = [
  ['ghp_', 'pat'],
  ['github_pat_', 'fine_grained_pat'],
  ['gho_', 'oauth'],
  ['ghu_', 'app_user'],
  ['ghs_', 'app_installation'],
];

const LEGACY = /^[a-f0-9]{40}$/;

export function parseAuthorization(header: string | undefined): AuthResult {
  if (header === undefined || header === '') {
    return { ok: false, status: 401, message: 'bad request: missing required Authorization header' };
  }
  if (header.startsWith('GitHub-Bearer ')) {
    return { ok: false, status: 400, message: 'bad request: unsupported Authorization header' };
  }
  const token =
    header.length > 7 && header.slice(0, 7).toLowerCase() === 'bearer ' ? header.slice(7) : header;
  if (token.includes(':')) return { ok: true, token, type: 'ide' };
  for (const [prefix, type] of PREFIXES) if (token.startsWith(prefix)) return { ok: true, token, type };
  if (LEGACY.test(token)) return { ok: true, token, type: 'pat' };
  return { ok: false, status: 400, message: 'bad request: Authorization header is badly formatted' };
}
