/** The simulated user population: the default token user `octocat`, members, outsiders, a bot. */
import type { SimUser, UserType } from '../store/types.js';
import { legacyNodeId } from '../util/ids.js';
import { hash32 } from '../util/prng.js';

export const DEFAULT_LOGIN = 'octocat';
export const DEFAULT_USER_ID = 583231;

interface Persona {
  login: string;
  name: string;
  location?: string;
  company?: string;
  type?: UserType;
}

/** Users with write access to generated repositories (they show up as MEMBER/COLLABORATOR). */
export const MEMBER_PERSONAS: readonly Persona[] = [
  { login: 'octocat', name: 'The Octocat', location: 'San Francisco', company: '@github' },
  { login: 'mona', name: 'Mona Lisa Octocat', location: 'Paris' },
  { login: 'hubot', name: 'Hubot', company: '@github' },
  { login: 'sato-yuki', name: '佐藤 由紀', location: '東京' },
  { login: 'li-wei', name: '李伟', location: '上海' },
  { login: 'jose-garcia', name: 'José García', location: 'Málaga' },
];

/** Users without write access who open issues and comment. */
export const OUTSIDER_PERSONAS: readonly Persona[] = [
  { login: 'bjorn-eriksson', name: 'Björn Eriksson', location: 'Göteborg' },
  { login: 'amelie-dubois', name: 'Amélie Dubois' },
  { login: 'jane-doe', name: 'Jane Doe' },
  { login: 'dev-ahmed', name: 'Ahmed Hassan' },
  { login: 'dependabot[bot]', name: '', type: 'Bot' },
];

export const MEMBER_LOGINS = MEMBER_PERSONAS.map((p) => p.login);
export const ALL_LOGINS = [...MEMBER_LOGINS, ...OUTSIDER_PERSONAS.map((p) => p.login)];

/** Stable user id for a login (octocat keeps its real id 583231). */
export function userIdFor(login: string): number {
  if (login === DEFAULT_LOGIN) return DEFAULT_USER_ID;
  if (login === 'dependabot[bot]') return 49699333;
  return 1_000_000 + (hash32(login.toLowerCase()) % 90_000_000);
}

export function makeUser(login: string, type: UserType = 'User', persona?: Persona): SimUser {
  const id = userIdFor(login);
  const isDefault = login === DEFAULT_LOGIN;
  return {
    id,
    login,
    node_id: legacyNodeId(type, id),
    type,
    site_admin: false,
    name: persona?.name ?? (type === 'Organization' ? login.toUpperCase() : ''),
    company: persona?.company ?? '',
    blog: isDefault ? 'https://github.blog' : '',
    location: persona?.location ?? '',
    email: isDefault ? 'octocat@github.com' : '',
    hireable: false,
    bio: isDefault ? 'There once was... ✨' : '',
    twitter_username: isDefault ? 'github' : '',
    public_repos: isDefault ? 8 : (id % 40) + 1,
    public_gists: isDefault ? 8 : id % 7,
    followers: isDefault ? 1000 : id % 300,
    following: isDefault ? 9 : id % 50,
    private_gists: 0,
    total_private_repos: isDefault ? 3 : 0,
    owned_private_repos: isDefault ? 3 : 0,
    created_at: isDefault ? '2011-01-25T18:44:36Z' : '2019-06-01T12:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** The generated population (members first, then outsiders). */
export function populationUsers(): SimUser[] {
  return [...MEMBER_PERSONAS, ...OUTSIDER_PERSONAS].map((p) => makeUser(p.login, p.type ?? 'User', p));
}
