import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '#libs/common';
import {
  CLOSED_ISSUE_STATES,
  ISSUE_STATES,
  OPEN_ISSUE_STATES,
  SYNC_DIRECTIONS,
  completedAtFor,
  githubSideState,
  isClosedState,
  isOpenState,
  parseSyncDirection,
  writesToGitHub,
} from '#libs/issues';

describe('issue states', () => {
  it('splits every state into open or closed, none in both', () => {
    expect([...OPEN_ISSUE_STATES, ...CLOSED_ISSUE_STATES].sort()).toEqual([...ISSUE_STATES].sort());
    for (const state of ISSUE_STATES) expect(isOpenState(state)).toBe(!isClosedState(state));
    for (const state of OPEN_ISSUE_STATES) expect(githubSideState(state)).toBe('open');
    for (const state of CLOSED_ISSUE_STATES) expect(githubSideState(state)).not.toBe('open');
  });

  it('sets completed_at when an issue closes, keeps it while closed, clears it when reopened', () => {
    const before = new Date('2026-01-01T00:00:00Z');
    const now = new Date('2026-02-01T00:00:00Z');
    expect(completedAtFor('done', null, now)).toBe(now);
    expect(completedAtFor('cancelled', before, now)).toBe(before);
    expect(completedAtFor('started', before, now)).toBeNull();
  });
});

describe('sync directions', () => {
  it('writes to GitHub only when syncing to_github or bidirectionally', () => {
    expect(SYNC_DIRECTIONS.filter(writesToGitHub)).toEqual(['to_github', 'bidirectional']);
  });

  it('parses a known direction and refuses another, naming the allowed values', () => {
    expect(parseSyncDirection('to_github')).toBe('to_github');
    const refuse = () => parseSyncDirection('both_ways', '--direction');
    expect(refuse).toThrow(ValidationError);
    expect(refuse).toThrow(
      "--direction must be one of from_github, to_github, bidirectional (got 'both_ways')",
    );
  });
});
