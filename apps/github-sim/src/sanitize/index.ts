/**
 * Port of github-mcp-server `sanitize.Sanitize` (pkg/sanitize), applied to titles and bodies:
 * invisible characters and unsafe code-fence info strings are removed, then, unless the text is
 * provably inert, the bluemonday allow-list policy runs (tags stripped, text HTML-escaped,
 * CR/CRLF folded into LF), and the first two filters run again.
 */
import { filterCodeFenceMetadata } from './code-fence.js';
import { applyHtmlPolicy } from './html-policy.js';
import { filterInvisibleCharacters } from './invisible.js';

export { escapeHtml } from './html-policy.js';

/** Printable ASCII minus `& ' " < >`, plus TAB and LF: the policy leaves such text unchanged. */
const INERT = /^[\t\n\x20-\x21\x23-\x25\x28-\x3b\x3d\x3f-\x7e]*$/;

export function filterHtmlTags(input: string): string {
  if (input === '' || INERT.test(input)) return input;
  return applyHtmlPolicy(input);
}

export function sanitize(input: string): string {
  const filtered = filterCodeFenceMetadata(filterInvisibleCharacters(input));
  const normalized = filterHtmlTags(filtered);
  if (normalized === filtered) return normalized;
  return filterCodeFenceMetadata(filterInvisibleCharacters(normalized));
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** `sanitize` memoised by input (titles and bodies are re-served on every page). */
export function sanitizeCached(input: string): string {
  if (input.length < 16 && INERT.test(input)) return input;
  const hit = cache.get(input);
  if (hit !== undefined) return hit;
  const out = sanitize(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, out);
  return out;
}
