/** Result JSON as the GitHub MCP server answers its tools (with escaped text where the sanitiser would escape it). */

export const listIssuesPage = {
  issues: [
    {
      number: 42,
      title: 'Login fails after password reset &amp; &#39;remember me&#39;',
      body: 'Steps: 1. reset 2. login &lt;b&gt; a &amp;amp; b',
      state: 'OPEN',
      user: { login: 'octocat' },
      labels: ['bug', 'a&b'],
      assignees: ['mona'],
      comments: 3,
      created_at: '2026-08-01T12:00:00Z',
      updated_at: '2026-08-10T09:30:00Z',
      field_values: [{ field: 'Priority', value: 'P1' }],
    },
    {
      number: 41,
      title: 'Docs typo',
      state: 'CLOSED',
      user: { login: 'hubot' },
      assignees: [],
      created_at: '2026-07-30T08:00:00Z',
      updated_at: '2026-07-31T10:00:00Z',
    },
  ],
  totalCount: 57,
  pageInfo: {
    hasNextPage: true,
    hasPreviousPage: false,
    startCursor: 'Y3Vyc29yOnYyOpHOAAAAMg==',
    endCursor: 'Y3Vyc29yOnYyOpHOAAAAKg==',
  },
};

export const issue42 = {
  number: 42,
  title: 'Login fails &#34;after&#34; reset',
  body: 'Steps to reproduce&#8230;',
  state: 'closed',
  state_reason: 'completed',
  html_url: 'https://github.com/acme/web/issues/42',
  user: {
    login: 'octocat',
    id: 583231,
    profile_url: 'https://github.com/octocat',
    avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
  },
  author_association: 'MEMBER',
  labels: ['bug'],
  assignees: ['mona'],
  milestone: 'v2.1',
  comments: 3,
  reactions: {
    total_count: 1,
    '+1': 1,
    '-1': 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    rocket: 0,
    eyes: 0,
  },
  created_at: '2026-08-01T12:00:00Z',
  updated_at: '2026-08-10T09:30:00Z',
  closed_at: '2026-08-11T09:30:00Z',
  closed_by: 'mona',
  issue_type: 'Bug',
  field_values: [{ field: 'Priority', value: 'P1' }],
  has_parent: true,
  has_children: false,
  parent: {
    number: 10,
    title: 'Epic: auth &amp; revamp',
    state: 'OPEN',
    url: 'https://github.com/acme/web/issues/10',
    repository: 'acme/web',
  },
  closed_by_pull_requests: {
    total_count: 1,
    references: [
      {
        number: 57,
        title: 'Fix reset flow',
        state: 'OPEN',
        url: 'https://github.com/acme/web/pull/57',
        repository: 'acme/web',
      },
    ],
  },
};

export function comment(id: number, body = `comment ${id}`): Record<string, unknown> {
  return {
    id,
    body,
    html_url: `https://github.com/acme/web/issues/42#issuecomment-${id}`,
    user: {
      login: 'hubot',
      id: 12345,
      profile_url: 'https://github.com/hubot',
      avatar_url: 'https://avatars.githubusercontent.com/u/12345?v=4',
    },
    author_association: 'CONTRIBUTOR',
    reactions: {
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      rocket: 0,
      eyes: 0,
    },
    created_at: '2026-08-02T10:00:00Z',
    updated_at: '2026-08-02T10:00:00Z',
  };
}

export const pullRequest57 = {
  number: 57,
  title: 'Fix reset flow &amp; cleanup',
  body: 'Closes #42',
  state: 'open',
  draft: false,
  merged: false,
  html_url: 'https://github.com/acme/web/pull/57',
  user: { login: 'mona', id: 2, profile_url: 'https://github.com/mona', avatar_url: 'https://x/u/2' },
  labels: ['bug'],
  requested_reviewers: ['hubot'],
  head: {
    ref: 'fix/reset',
    sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    repo: { full_name: 'mona/web', description: 'fork' },
  },
  base: {
    ref: 'main',
    sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
    repo: { full_name: 'acme/web', description: 'Web app' },
  },
  created_at: '2026-08-05T12:00:00Z',
  updated_at: '2026-08-06T08:00:00Z',
};

export const me = {
  login: 'octocat',
  id: 583231,
  profile_url: 'https://github.com/octocat',
  avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
  details: {
    name: 'The Octocat',
    public_repos: 8,
    public_gists: 8,
    followers: 1000,
    following: 9,
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2026-08-01T00:00:00Z',
  },
};

export const repoSearch = {
  total_count: 1,
  incomplete_results: false,
  items: [
    {
      id: 1296269,
      name: 'web',
      full_name: 'acme/web',
      description: 'Web app & more',
      html_url: 'https://github.com/acme/web',
      language: 'TypeScript',
      stargazers_count: 5,
      forks_count: 1,
      open_issues_count: 7,
      updated_at: '2026-08-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
      private: true,
      fork: false,
      archived: false,
      default_branch: 'main',
    },
  ],
};
