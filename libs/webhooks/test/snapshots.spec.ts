import { describe, expect, it } from '@jest/globals';
import { commentContentHash, toIssueRecord } from '#libs/sync';
import { issueSchema } from '../src/processing/payloads.js';
import { plainText, toCommentRecord, toIssueSnapshot } from '../src/processing/snapshots.js';

const repo = { owner: 'acme', name: 'web' };
const mapping = { open: 'unstarted' as const };

function restIssue(extra: Record<string, unknown> = {}) {
  return issueSchema.parse({
    id: 1347,
    number: 12,
    title: 'Tom & Jerry <3',
    body: 'first\r\nsecond',
    state: 'closed',
    state_reason: 'not_planned',
    labels: [{ id: 1, name: 'bug', color: 'f00' }, { name: 'ui' }],
    assignees: [{ login: 'hubot', id: 2 }],
    milestone: { id: 9, number: 1, title: 'v1.0' },
    user: { login: 'mona', id: 3, type: 'User' },
    comments: 4,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    closed_at: '2026-01-02T00:00:00Z',
    ...extra,
  });
}

describe('webhook payload → workspace records', () => {
  it('maps a REST issue the way the sync engine maps the same issue from MCP (same hash)', () => {
    const snapshot = toIssueSnapshot(repo, restIssue(), mapping);
    const fromSync = toIssueRecord(
      repo,
      {
        number: 12,
        title: 'Tom & Jerry <3',
        body: 'first\nsecond',
        state: 'CLOSED',
        user: { login: 'mona' },
        labels: ['bug', 'ui'],
        assignees: ['hubot'],
        comments: 4,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-02T00:00:00Z',
        field_values: [],
      },
      { stateReason: 'not_planned', closedAt: null },
      mapping,
    );
    expect(snapshot).toMatchObject({
      number: 12,
      title: 'Tom & Jerry <3',
      body: 'first\nsecond',
      state: 'cancelled',
      labels: ['bug', 'ui'],
      assignees: ['hubot'],
      milestone: 'v1.0',
      githubId: 1347n,
      url: 'https://github.com/acme/web/issues/12',
      closedAt: new Date('2026-01-02T00:00:00Z'),
    });
    expect(snapshot.contentHash).toBe(fromSync.contentHash);
    expect(snapshot).not.toHaveProperty('commentCount');
  });

  it('maps states: open → configured open state, completed → done, duplicate → cancelled', () => {
    const open = toIssueSnapshot(
      repo,
      restIssue({ state: 'open', state_reason: 'reopened', closed_at: null }),
      {
        open: 'started',
      },
    );
    expect(open).toMatchObject({ state: 'started', closedAt: null });
    expect(toIssueSnapshot(repo, restIssue({ state_reason: 'completed' }), mapping).state).toBe('done');
    expect(toIssueSnapshot(repo, restIssue({ state_reason: 'duplicate' }), mapping).state).toBe('cancelled');
    expect(toIssueSnapshot(repo, restIssue({ state_reason: null }), mapping).state).toBe('done');
    expect(toIssueSnapshot(repo, restIssue({ body: null, milestone: null }), mapping)).toMatchObject({
      body: '',
      milestone: null,
    });
  });

  it('maps a REST comment with the sync engine content hash, text unescaped and LF line endings', () => {
    const record = toCommentRecord({
      id: 99,
      body: 'a &amp; b\r\nc',
      user: { login: 'jane' },
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-03T00:00:00Z',
    });
    expect(record).toEqual({
      githubId: 99n,
      body: 'a &amp; b\nc',
      authorLogin: 'jane',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-03T00:00:00Z'),
      contentHash: commentContentHash('a &amp; b\nc'),
    });
    expect(plainText('x\ry\r\nz')).toBe('x\ny\nz');
  });
});
