import { describe, expect, it } from '@jest/globals';
import type { ListIssuesItem } from '#libs/github-mcp';
import { issueContentHash, toCommentRecord, toIssueRecord } from '../src/index.js';
import { DEFAULT_STATE_MAPPING, mapGitHubState, parseStateMapping } from '#libs/issues';

const item: ListIssuesItem = {
  number: 42,
  title: 'Login fails',
  body: 'Steps',
  state: 'CLOSED',
  user: { login: 'octocat' },
  labels: ['bug', 'auth'],
  assignees: ['mona'],
  comments: 3,
  created_at: '2026-08-01T12:00:00Z',
  updated_at: '2026-08-10T09:30:00Z',
} as ListIssuesItem;

describe('state mapping', () => {
  it('maps GitHub states and close reasons', () => {
    expect(mapGitHubState('open', null, DEFAULT_STATE_MAPPING)).toBe('unstarted');
    expect(mapGitHubState('open', 'reopened', { open: 'started' })).toBe('started');
    expect(mapGitHubState('closed', 'completed', DEFAULT_STATE_MAPPING)).toBe('done');
    expect(mapGitHubState('closed', null, DEFAULT_STATE_MAPPING)).toBe('done');
    expect(mapGitHubState('closed', 'not_planned', DEFAULT_STATE_MAPPING)).toBe('cancelled');
    expect(mapGitHubState('closed', 'duplicate', DEFAULT_STATE_MAPPING)).toBe('cancelled');
  });

  it('falls back to the default for unknown configuration', () => {
    expect(parseStateMapping({ open: 'started' })).toEqual({ open: 'started' });
    expect(parseStateMapping({ open: 'done' })).toEqual(DEFAULT_STATE_MAPPING);
    expect(parseStateMapping(null)).toEqual(DEFAULT_STATE_MAPPING);
  });
});

describe('issue records', () => {
  it('maps a list_issues item with its close details', () => {
    const record = toIssueRecord(
      { owner: 'acme', name: 'web' },
      item,
      { stateReason: 'not_planned', closedAt: new Date('2026-08-10T09:00:00Z') },
      DEFAULT_STATE_MAPPING,
    );
    expect(record).toMatchObject({
      number: 42,
      url: 'https://github.com/acme/web/issues/42',
      state: 'cancelled',
      labels: ['bug', 'auth'],
      assignees: ['mona'],
      commentCount: 3,
      closedAt: new Date('2026-08-10T09:00:00Z'),
      comments: undefined,
    });
  });

  it('hashes content independently of label and assignee order, and changes with any synced field', () => {
    const base = { title: 't', body: 'b', state: 'unstarted', labels: ['a', 'b'], assignees: ['x'] };
    expect(issueContentHash(base)).toBe(issueContentHash({ ...base, labels: ['b', 'a'] }));
    for (const change of [
      { title: 'T' },
      { body: 'B' },
      { state: 'done' },
      { labels: ['a'] },
      { assignees: [] },
    ]) {
      expect(issueContentHash({ ...base, ...change })).not.toBe(issueContentHash(base));
    }
  });

  it('maps comments with their GitHub id', () => {
    const record = toCommentRecord({
      id: 2345678901,
      body: 'Can reproduce',
      html_url: 'https://github.com/acme/web/issues/42#issuecomment-2345678901',
      user: { login: 'hubot' },
      created_at: '2026-08-02T10:00:00Z',
      updated_at: '2026-08-02T11:00:00Z',
    } as Parameters<typeof toCommentRecord>[0]);
    expect(record).toMatchObject({ githubId: 2345678901n, authorLogin: 'hubot', body: 'Can reproduce' });
  });
});
