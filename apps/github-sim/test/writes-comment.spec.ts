import { describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { call, callJson } from './helpers.js';
import { REPO, useWriteSim } from './write-helpers.js';

describe('add_issue_comment', () => {
  let sim: RunningSimulator;
  let client: Client;

  const { issue, create } = useWriteSim((started) => ({ sim, client } = started));

  it('add_issue_comment with a body answers the comment id and html_url', async () => {
    const n = await create();
    const result = await call(client, 'add_issue_comment', { ...REPO, issue_number: n, body: 'Thanks! 🎉' });
    const comment = sim.store.repo('acme', 'web')?.commentsOf(n)[0];
    expect(result.text).toBe(
      `{"id":"${comment?.id}","url":"https://github.com/acme/web/issues/${n}#issuecomment-${comment?.id}"}`,
    );
    expect(issue(n).comments).toBe(1);
  });

  it('add_issue_comment reactions on the issue, on a comment, and together with a body', async () => {
    const n = await create();
    const reaction = await callJson<{ id: string; url: string }>(client, 'add_issue_comment', {
      ...REPO,
      issue_number: n,
      reaction: 'rocket',
    });
    expect(reaction.url).toBe(`https://api.github.com/repos/acme/web/issues/${n}/reactions/${reaction.id}`);
    expect(issue(n).reactions.rocket).toBe(1);
    const both = await callJson<Record<string, { id: string; url: string }>>(client, 'add_issue_comment', {
      ...REPO,
      issue_number: n,
      body: 'with reaction',
      reaction: '+1',
    });
    expect(Object.keys(both)).toEqual(['comment', 'reaction']);
    const commentId = Number(both['comment']?.id);
    const onComment = await callJson<{ id: string; url: string }>(client, 'add_issue_comment', {
      ...REPO,
      issue_number: n,
      comment_id: commentId,
      reaction: 'heart',
    });
    expect(onComment.url).toBe(
      `https://api.github.com/repos/acme/web/issues/comments/${commentId}/reactions/${onComment.id}`,
    );
    expect(
      (
        await call(client, 'add_issue_comment', {
          ...REPO,
          issue_number: n + 100,
          comment_id: commentId,
          reaction: 'eyes',
        })
      ).text,
    ).toBe(`comment_id does not belong to issue_number ${n + 100}`);
  });

  it('add_issue_comment validation messages', async () => {
    const base = { ...REPO, issue_number: 1 };
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'at least one of body or reaction is required'],
      [{ body: '' }, 'body cannot be empty when provided'],
      [{ reaction: 'tada' }, 'reaction must be one of +1, -1, laugh, confused, heart, hooray, rocket, eyes'],
      [{ comment_id: 5, body: 'x' }, 'comment_id cannot be combined with body'],
      [{ comment_id: 5 }, 'comment_id can only be provided when reaction is provided'],
      [{ comment_id: 0, reaction: 'eyes' }, 'comment_id must be greater than 0'],
      [
        { comment_id: 1.5, reaction: 'eyes' },
        'parameter comment_id is not a valid number: non-integer numeric value: 1.5',
      ],
    ];
    for (const [args, text] of cases)
      expect(await call(client, 'add_issue_comment', { ...base, ...args })).toEqual({ isError: true, text });
    expect(await call(client, 'add_issue_comment', { ...REPO, issue_number: 9999, body: 'x' })).toEqual({
      isError: true,
      text: 'failed to create comment: POST https://api.github.com/repos/acme/web/issues/9999/comments: 404 Not Found []',
    });
  });
});
