/** GitHub REST object shapes as webhook payloads carry them (not the MCP server's minimal shapes). */
import { userIdFor } from '../../generator/users.js';
import { WEB_BASE, minimalReactions } from '../../mcp/minimal.js';
import type { SimStore } from '../../store/store.js';
import type { SimReactions, SimUser } from '../../store/types.js';
import { legacyNodeId } from '../../util/ids.js';

export const API_BASE = 'https://api.github.com';
export { WEB_BASE };

/** GitHub's "simple user" object (owner, sender, user, assignee …). */
export function simpleUser(user: SimUser): Record<string, unknown> {
  const api = `${API_BASE}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${WEB_BASE}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: user.site_admin,
  };
}

/** The user with this login; an unknown login (e.g. a deleted account) gets a stable stand-in. */
export function userByLogin(store: SimStore, login: string): Record<string, unknown> {
  const user = store.findUser(login);
  if (user) return simpleUser(user);
  const id = userIdFor(login);
  return simpleUser({
    id,
    login,
    node_id: legacyNodeId('User', id),
    type: 'User',
    site_admin: false,
  } as SimUser);
}

export function reactionsObject(url: string, reactions: SimReactions): Record<string, unknown> {
  return { url: `${url}/reactions`, ...minimalReactions(reactions) };
}
