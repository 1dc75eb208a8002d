import { describe, expect, it } from '@jest/globals';
import { generateDataset } from '../src/index.js';
import type { Dataset, SimIssue } from '../src/index.js';

const SPEC = { owner: 'acme', name: 'web', issues: 400, comments: 1200, pullRequests: 60 };

function issuesOf(dataset: Dataset): SimIssue[] {
  return dataset.repos[0]?.issues.filter((i) => i.pull === null) ?? [];
}

describe('generateDataset', () => {
  it('is deterministic: same seed and specs give identical data', () => {
    const a = generateDataset({ seed: 42, repos: [SPEC] });
    const b = generateDataset({ seed: 42, repos: [SPEC] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('changes with the seed', () => {
    const a = generateDataset({ seed: 42, repos: [SPEC] });
    const b = generateDataset({ seed: 43, repos: [SPEC] });
    expect(JSON.stringify(a.repos[0]?.issues)).not.toBe(JSON.stringify(b.repos[0]?.issues));
  });

  it('generates exactly the requested counts, issues and PRs sharing one number space', () => {
    const data = generateDataset({ seed: 1, repos: [SPEC] }).repos[0];
    expect(data?.issues).toHaveLength(460);
    expect(data?.issues.filter((i) => i.pull !== null)).toHaveLength(60);
    expect(data?.comments).toHaveLength(1200);
    expect(data?.issues.map((i) => i.number)).toEqual(Array.from({ length: 460 }, (_, k) => k + 1));
    const commentSum = data?.issues.reduce((sum, i) => sum + i.comments, 0);
    expect(commentSum).toBe(1200);
  });

  it('spreads comments unevenly, ids and timestamps increase, comments follow their issue', () => {
    const data = generateDataset({ seed: 3, repos: [SPEC] }).repos[0];
    const counts = issuesOf({ seed: 3, users: [], repos: data ? [data] : [] }).map((i) => i.comments);
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeGreaterThan(15);
    const comments = data?.comments ?? [];
    for (let k = 1; k < comments.length; k++) {
      expect((comments[k]?.id ?? 0) > (comments[k - 1]?.id ?? 0)).toBe(true);
      expect((comments[k]?.created_at ?? '') >= (comments[k - 1]?.created_at ?? '')).toBe(true);
    }
    const byNumber = new Map(data?.issues.map((i) => [i.number, i]));
    for (const c of comments)
      expect(c.created_at >= (byNumber.get(c.issue_number)?.created_at ?? '')).toBe(true);
  });

  it('uses large database ids, GitHub-shaped node ids and timestamps from 2026-01-01 on', () => {
    const issues = issuesOf(generateDataset({ seed: 5, repos: [SPEC] }));
    for (const issue of issues) {
      expect(issue.id).toBeGreaterThan(3_300_000_000);
      expect(issue.node_id).toMatch(/^I_kwDO[A-Za-z0-9_-]+$/);
      expect(issue.created_at).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(issue.updated_at >= issue.created_at).toBe(true);
    }
  });

  it('contains the content quirks real data has', () => {
    const issues = issuesOf(generateDataset({ seed: 9, repos: [SPEC] }));
    const text = issues.map((i) => `${i.title}\n${i.body}`).join('\n');
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).toMatch(/[éèüöçà]/);
    expect(text).toContain('```');
    expect(text).toMatch(/^\d\. /m);
    expect(text).toMatch(/\[[^\]]+\]\(https:\/\//);
    for (const ch of ['&', '<', '>', "'", '"']) {
      expect(issues.some((i) => i.title.includes(ch))).toBe(true);
      expect(issues.some((i) => i.body.includes(ch))).toBe(true);
    }
    expect(issues.some((i) => i.body.includes('\r\n'))).toBe(true);
    expect(issues.some((i) => i.body === '')).toBe(true);
    expect(issues.some((i) => i.labels.length >= 2)).toBe(true);
    expect(issues.some((i) => i.assignees.length > 0)).toBe(true);
    const closed = issues.filter((i) => i.state === 'closed');
    expect(closed.some((i) => i.state_reason === 'completed' && i.closed_at && i.closed_by)).toBe(true);
    expect(closed.some((i) => i.state_reason === 'not_planned')).toBe(true);
    expect(issues.some((i) => i.state === 'open' && i.state_reason === null)).toBe(true);
  });

  it('writes pull requests with closing keywords, merged ones closing their issue', () => {
    const data = generateDataset({ seed: 11, repos: [SPEC] }).repos[0];
    const prs = data?.issues.filter((i) => i.pull !== null) ?? [];
    const closing = prs.filter((p) => /\b(fixes|closes|resolves) #\d+/i.test(p.body));
    expect(closing.length).toBeGreaterThan(10);
    const merged = closing.filter((p) => p.pull?.merged);
    expect(merged.length).toBeGreaterThan(0);
    for (const pr of merged) {
      expect(pr.state).toBe('closed');
      expect(pr.pull?.merged_at).toBe(pr.closed_at);
      const target = data?.issues.find((i) => i.number === Number(/#(\d+)/.exec(pr.body)?.[1]));
      expect(target?.state).toBe('closed');
    }
  });

  // Its speed is a figure of bench:sync (which generates the same repository), not a timed assertion.
  it('generates 10,000 issues and 30,000 comments', () => {
    const data = generateDataset({
      seed: 1,
      repos: [{ owner: 'bench', name: 'big', issues: 10_000, comments: 30_000, pullRequests: 0 }],
    });
    expect(data.repos[0]?.issues).toHaveLength(10_000);
    expect(data.repos[0]?.comments).toHaveLength(30_000);
  });
});
