/** Deterministic titles and markdown bodies with the content quirks real GitHub data has. */
import type { Rng } from '../util/prng.js';

const AREAS = ['auth', 'dashboard', 'settings', 'search', 'billing', 'API', 'CLI', 'docs', 'editor', 'sync'];

const ISSUE_TITLES = [
  'Login fails after password reset',
  'Crash when opening {area} on Android 15',
  'Docs: fix typo in the {area} README',
  'Support dark mode in {area} 🌙',
  'Improve performance of {area} (p95 > 2s)',
  'Use `Vec<T>` instead of slices in the {area} parser',
  'Error: "undefined is not a function" in {area}',
  "Can't upload files larger than 10 MB in {area}",
  'R&D: evaluate a caching layer for {area}',
  '{area}: 日本語の翻訳を更新する',
  'Café menu in {area} shows wrong prices — «urgent»',
  '🐛 Date picker in {area} skips a day',
  'Flaky test in {area} on CI',
  'Add keyboard shortcuts to {area}',
  'Über-long names overflow the {area} header',
  'Timeouts when {area} talks to the backend',
  'Deprecate the legacy {area} endpoint',
  '{area} returns 500 when the payload contains emoji 😅',
  'Memory leak after switching tabs in {area}',
  'Accessibility: {area} buttons lack labels',
];

const PR_TITLES = [
  'Fix {area} crash on startup',
  'Refactor {area} service',
  'Add tests for {area}',
  'Bump dependencies in {area}',
  'feat({area}): support pagination',
  'docs: clarify {area} setup & usage',
  'Handle <empty> responses in {area}',
  '✨ Improve {area} error messages',
];

const PARAGRAPHS = [
  'When I open the page the spinner never stops. It started after the last deploy.',
  'Steps work fine on desktop but fail on mobile Safari.',
  "This happens only when the user's locale is set to fr-FR — ça ne marche pas.",
  'The request returns `{"error":"bad_request"}` and the UI shows nothing.',
  'Expected: the value is saved. Actual: it silently resets to the default & nobody notices.',
  '中文用户反馈：页面加载很慢。日本のユーザーも同じ問題を報告しています。',
  'Seen in production for ~3% of sessions 📉, see the dashboard for details.',
  'Compare `a < b` and `b > a`: only the first branch is ever taken.',
  'Naïve fix would be to retry, but that hides the real problem.',
  'See the [troubleshooting guide](https://docs.example.com/troubleshooting) and <https://example.com/status>.',
];

const CODE_BLOCKS = [
  '```ts\nif (items.length > 0 && !done) {\n  render(items);\n}\n```',
  '```python\nfor item in items:\n    print(f"{item!r}")\n```',
  '```\nError: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect\n```',
  '```rust\nfn parse(input: &str) -> Vec<Token> {\n    vec![]\n}\n```',
  '```html\n<div class="banner">Hello</div>\n<script>alert("x")</script>\n```',
  '```json\n{"name": "web", "version": "1.2.3"}\n```',
];

const COMMENTS = [
  'Can reproduce on Safari 18.',
  '+1, same here 👍',
  'I think this is caused by `load() && save()` racing.',
  'LGTM 🚀',
  'Merci ! Ça marche maintenant.',
  '確認しました。修正をお願いします。',
  "Won't fix: this is expected behaviour.",
  'Any update on this? It blocks our release.',
  'Workaround: set `RETRY=3` in the env.',
  'Duplicate of the earlier report, closing soon.',
  'Could you share the logs?\n\n```\n<paste logs here>\n```',
  'Tested with:\n- Chrome 131\n- Firefox 133\n- Edge',
  'Related: [RFC](https://example.com/rfc) & the discussion in the forum.',
  '@mona can you take a look?',
];

function fill(template: string, rng: Rng): string {
  return template.replace('{area}', rng.pick(AREAS));
}

export function issueTitle(rng: Rng): string {
  return fill(rng.pick(ISSUE_TITLES), rng);
}

export function pullTitle(rng: Rng): string {
  return fill(rng.pick(PR_TITLES), rng);
}

/** Markdown body; sometimes empty, sometimes with CRLF line endings (as typed in the web UI). */
export function issueBody(rng: Rng): string {
  if (rng.chance(0.08)) return '';
  const parts: string[] = [rng.pick(PARAGRAPHS)];
  if (rng.chance(0.5)) {
    parts.push('### Steps to reproduce\n1. Open the app\n2. Click **Save**\n3. Reload the page');
  }
  if (rng.chance(0.35)) parts.push(rng.pick(CODE_BLOCKS));
  if (rng.chance(0.3)) parts.push('- [ ] check the logs\n- [x] reproduce locally\n- [ ] write a test');
  if (rng.chance(0.25)) parts.push('> Quote from the support ticket: "it used to work"');
  if (rng.chance(0.3)) parts.push(rng.pick(PARAGRAPHS));
  return withLineEndings(parts.join('\n\n'), rng);
}

export function pullBody(rng: Rng, closes: number | null): string {
  const parts: string[] = [];
  if (closes !== null) {
    const keyword = rng.pick(['Fixes', 'Closes', 'Resolves', 'fixes', 'closes']);
    parts.push(`${keyword} #${closes}`);
  }
  parts.push(
    rng.pick([
      'Small change, no behaviour change.',
      'See the linked issue for context.',
      'Adds tests & docs.',
    ]),
  );
  if (rng.chance(0.3)) parts.push(rng.pick(CODE_BLOCKS));
  return withLineEndings(parts.join('\n\n'), rng);
}

export function commentBody(rng: Rng): string {
  return withLineEndings(rng.pick(COMMENTS), rng);
}

function withLineEndings(text: string, rng: Rng): string {
  return rng.chance(0.15) ? text.replace(/\n/g, '\r\n') : text;
}

export const TOPICS = ['typescript', 'web', 'api', 'sync', 'github'];
