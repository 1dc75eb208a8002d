/** REST shapes of `GET /user` (private user) and `GET /user/emails`. */
import type { SimUser } from '../store/types.js';

const API = 'https://api.github.com';

const orNull = (value: string): string | null => (value === '' ? null : value);

export function restUser(u: SimUser): Record<string, unknown> {
  const url = `${API}/users/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: u.node_id,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${u.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: u.type,
    user_view_type: 'private',
    site_admin: u.site_admin,
    name: orNull(u.name),
    company: orNull(u.company),
    blog: u.blog,
    location: orNull(u.location),
    email: orNull(u.email),
    hireable: u.hireable ? true : null,
    bio: orNull(u.bio),
    twitter_username: orNull(u.twitter_username),
    notification_email: orNull(u.email),
    public_repos: u.public_repos,
    public_gists: u.public_gists,
    followers: u.followers,
    following: u.following,
    created_at: u.created_at,
    updated_at: u.updated_at,
    private_gists: u.private_gists,
    total_private_repos: u.total_private_repos,
    owned_private_repos: u.owned_private_repos,
  };
}

export function restEmails(u: SimUser): Record<string, unknown>[] {
  const noreply = `${u.id}+${u.login}@users.noreply.github.com`;
  const primary = u.email || `${u.login.toLowerCase()}@example.com`;
  return [
    { email: primary, primary: true, verified: true, visibility: u.email ? 'public' : 'private' },
    { email: noreply, primary: false, verified: true, visibility: null },
  ];
}
