import { describe, expect, it } from '@jest/globals';
import { decodeHtmlEntities } from '#libs/github-mcp';
import { sanitize } from '../../../apps/github-sim/src/index.js';
import { closingIssueNumbers } from '../src/pull-requests/closing-references.js';
import { updateArgs } from '../src/outbound/write-args.js';
import type { RepositorySyncWithRepo } from '#libs/db';
import { decideField, fieldHash, fingerprintHash, isShownVerbatim, textFingerprint } from '#libs/issues';

/** What a page shows of a text we wrote: the simulator's sanitiser (CONTRACT §4.6), then the client's decoding. */
const shown = (text: string) => decodeHtmlEntities(sanitize(text));

describe('outbound text fingerprints (sanitisation-insensitive)', () => {
  const texts = [
    'Use Vec<T> for the list & don\'t "panic"',
    'a < b > c\r\nsecond line',
    '<b>bold</b> and <script>alert(1)</script> gone',
    'zero\u200bwidth and soft\u00adhyphen',
    '```ts title="x"\nconst a = 1;\n```',
  ];

  it.each(texts)('a text and its sanitised view have the same fingerprint: %j', (text) => {
    expect(shown(text)).not.toBe(text);
    expect(textFingerprint(shown(text))).toBe(textFingerprint(text));
  });

  it('an edit of the words changes the fingerprint', () => {
    expect(textFingerprint('Use Vec<T> for lists')).not.toBe(textFingerprint('Use Vec<T> for maps'));
    expect(textFingerprint('fix login')).not.toBe(textFingerprint('fix logout'));
  });

  it('knows which texts the server shows verbatim', () => {
    expect(isShownVerbatim('plain text\n- [ ] item\n```ts\ncode\n```')).toBe(true);
    for (const text of ['a & b', "don't", 'Vec<T>', 'x\r\ny', 'caf\u00e9', '```ts title=x\n```']) {
      expect(isShownVerbatim(text)).toBe(false);
    }
    expect(shown('plain text\n- [ ] item')).toBe('plain text\n- [ ] item');
  });
});

describe('per-field decisions (echo suppression and last writer wins)', () => {
  const at = new Date('2026-11-01T12:00:00Z');
  const none = { pushedHashes: {}, pushedFingerprints: {}, githubHashes: {} };

  it('same values need nothing', () => {
    expect(
      decideField({
        field: 'labels',
        incoming: ['a', 'b'],
        local: ['a', 'b'],
        dirtyAt: undefined,
        githubUpdatedAt: at,
        hashes: none,
      }).action,
    ).toBe('same');
  });

  it('our own write seen again (raw in a webhook, sanitised in a page) keeps the local value', () => {
    const local = 'Use Vec<T> here';
    const hashes = {
      pushedHashes: { description: fieldHash('description', local) },
      pushedFingerprints: { description: fingerprintHash('description', local) },
      githubHashes: {},
    };
    const page = decideField({
      field: 'description',
      incoming: shown(local),
      local,
      dirtyAt: undefined,
      githubUpdatedAt: at,
      hashes,
    });
    expect(shown(local)).toBe('Use Vec here');
    expect(page.action).toBe('keep_local');
    const base = { ...none, githubHashes: { description: fieldHash('description', 'Use Vec here') } };
    expect(
      decideField({
        field: 'description',
        incoming: 'Use Vec here',
        local,
        dirtyAt: undefined,
        githubUpdatedAt: at,
        hashes: base,
      }).action,
    ).toBe('keep_local');
  });

  it('a GitHub change of a field not edited locally is applied', () => {
    const hashes = { ...none, githubHashes: { title: fieldHash('title', 'old') } };
    expect(
      decideField({
        field: 'title',
        incoming: 'new',
        local: 'old',
        dirtyAt: undefined,
        githubUpdatedAt: at,
        hashes,
      }).action,
    ).toBe('apply_github');
  });

  it("both sides changed: the later writer wins, ties within GitHub's one-second resolution go to GitHub", () => {
    const hashes = { ...none, githubHashes: { title: fieldHash('title', 'base') } };
    const decide = (dirtyAt: string) =>
      decideField({
        field: 'title',
        incoming: 'github',
        local: 'local',
        dirtyAt,
        githubUpdatedAt: at,
        hashes,
      }).action;
    expect(decide('2026-11-01T12:00:05Z')).toBe('conflict_local');
    expect(decide('2026-11-01T12:00:00.500Z')).toBe('conflict_github');
    expect(decide('2026-11-01T11:59:00Z')).toBe('conflict_github');
  });
});

describe('closing keywords', () => {
  const repo = { owner: 'acme', name: 'web' };
  it('finds #N, owner/repo#N and issue URLs of the same repository only', () => {
    const body = [
      'Fixes #12 and closes: #7',
      'resolved acme/web#30, Resolves Acme/Web#31',
      'fixes other/repo#99',
      'Closes https://github.com/acme/web/issues/44',
      'see #5, refs #6, prefix#8 unfixes #9',
      'FIXED #12',
    ].join('\n');
    expect(closingIssueNumbers(body, repo)).toEqual([7, 12, 30, 31, 44]);
  });
});

describe('update arguments', () => {
  const repoSync = {
    repository: { owner: 'acme', name: 'web' },
    milestoneNumbers: { 'v2.0': 3 },
  } as unknown as RepositorySyncWithRepo;
  const local = {
    title: 'T',
    description: 'Vec<T> body',
    state: 'cancelled' as const,
    labels: ['bug'],
    assignees: ['mona'],
    milestone: 'V2.0',
  };

  it('sends only the edited fields; the body text is sent as held locally, never as GitHub shows it', () => {
    const warnings: never[] = [];
    const { args, sent, state } = updateArgs(
      repoSync,
      5,
      local,
      ['description', 'state', 'milestone'],
      null,
      warnings,
    );
    expect(args).toEqual({
      method: 'update',
      owner: 'acme',
      repo: 'web',
      issue_number: 5,
      body: 'Vec<T> body',
      milestone: 3,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(sent).toEqual(['description', 'milestone']);
    expect(state).toBe('closed:not_planned');
  });

  it('a state owed from a partial write is sent alone', () => {
    const { args, sent } = updateArgs(repoSync, 5, local, [], 'closed:completed', []);
    expect(args).toEqual({
      method: 'update',
      owner: 'acme',
      repo: 'web',
      issue_number: 5,
      state: 'closed',
      state_reason: 'completed',
    });
    expect(sent).toEqual([]);
  });

  it('an unknown milestone is skipped with a warning', () => {
    const warnings: { kind: string }[] = [];
    const { sent } = updateArgs(
      repoSync,
      5,
      { ...local, milestone: 'v9' },
      ['milestone'],
      null,
      warnings as never,
    );
    expect(sent).toEqual([]);
    expect(warnings.map((w) => w.kind)).toEqual(['milestone_unknown']);
  });
});
