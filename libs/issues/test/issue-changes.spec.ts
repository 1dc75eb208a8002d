import { describe, expect, it } from '@jest/globals';
import { type EditableIssue, issueChanges, sameSet } from '../src/index.js';

const now = new Date('2026-12-07T10:00:00Z');
const current: EditableIssue = {
  title: 'T',
  description: 'D',
  state: 'started',
  priority: 'none',
  milestone: null,
  labels: ['bug'],
  assignees: ['Octocat'],
  completedAt: null,
};

describe('issueChanges', () => {
  it('equal values are no change', () => {
    const changes = issueChanges(
      current,
      { title: 'T', labels: ['bug', 'bug'], assignees: ['octocat'], priority: 'none' },
      now,
    );
    expect(changes).toEqual({
      changed: [],
      priorityChanged: false,
      set: {},
      labelsChanged: false,
      assigneesChanged: false,
    });
  });

  it('closing sets completed_at, reopening clears it; fields in order; priority is local only', () => {
    const closed = issueChanges(current, { state: 'done', title: 'U', priority: 'high', labels: [] }, now);
    expect(closed.changed).toEqual(['title', 'state', 'labels']);
    expect(closed.set).toEqual({ title: 'U', state: 'done', completedAt: now, priority: 'high' });
    expect(closed.priorityChanged).toBe(true);
    const earlier = new Date('2026-01-01T00:00:00Z');
    const done = { ...current, state: 'done' as const, completedAt: earlier };
    expect(issueChanges(done, { state: 'cancelled' }, now).set.completedAt).toBe(earlier);
    expect(issueChanges(done, { state: 'unstarted' }, now).set.completedAt).toBeNull();
  });

  it('compares label names exactly and GitHub logins case-insensitively', () => {
    expect(sameSet(['Bug'], ['bug'])).toBe(false);
    expect(sameSet(['Octocat', 'octocat'], ['OCTOCAT'], true)).toBe(true);
  });
});
