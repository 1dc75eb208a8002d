/**
 * The bluemonday policy of github-mcp-server (`StrictPolicy` + an allow-list of elements),
 * applied to the tokens of `html-tokenizer.ts`. Text is re-escaped like Go's html.EscapeString.
 */
import { tokenize } from './html-tokenizer.js';
import type { HtmlAttr, HtmlToken } from './html-tokenizer.js';

const ALLOWED = new Set([
  ...['b', 'blockquote', 'br', 'code', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol'],
  ...['p', 'pre', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'a', 'img'],
]);
/** Allowed elements that bluemonday drops when none of their attributes survive. */
const NEED_ATTRS = new Set(['a', 'img']);
/** Elements dropped together with everything inside them. */
const SKIP_CONTENT = new Set([
  ...['frame', 'frameset', 'iframe', 'noembed', 'noframes', 'noscript', 'nostyle', 'object'],
  ...['script', 'style', 'title'],
]);

export function escapeHtml(text: string): string {
  return text.replace(/[&'<>"]/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
};

function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/\r/g, '&#13;');
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function cleanAttrs(name: string, attrs: HtmlAttr[]): HtmlAttr[] {
  if (name === 'a') {
    const href = attrs.find((a) => a.key === 'href');
    const url = href ? httpUrl(href.val) : undefined;
    if (!href || !url) return [];
    const out = [
      { key: 'href', val: href.val },
      { key: 'rel', val: 'nofollow noreferrer noopener' },
    ];
    if (url.host !== '') out.push({ key: 'target', val: '_blank' });
    return out;
  }
  if (name === 'img') {
    const out: HtmlAttr[] = [];
    for (const attr of attrs) {
      if (attr.key === 'src' && httpUrl(attr.val)) out.push(attr);
      else if (attr.key === 'alt' || attr.key === 'title') out.push(attr);
      else if ((attr.key === 'width' || attr.key === 'height') && /^[0-9]+%?$/.test(attr.val)) out.push(attr);
    }
    return out.some((a) => a.key === 'src') ? out : [];
  }
  return [];
}

function renderTag(token: HtmlToken & { name: string }, attrs: HtmlAttr[]): string {
  const rendered = attrs.map((a) => ` ${a.key}="${escapeAttr(a.val)}"`).join('');
  if (token.type === 'end') return `</${token.name}>`;
  return `<${token.name}${rendered}${token.type === 'self' ? '/' : ''}>`;
}

/** Applies the policy to an HTML fragment. */
export function applyHtmlPolicy(input: string): string {
  let out = '';
  let skipDepth = 0;
  let skipName = '';
  const droppedOpen: Record<string, number> = {};
  for (const token of tokenize(input)) {
    if (token.type === 'comment') continue;
    if (skipDepth > 0) {
      if (token.type === 'start' && token.name === skipName) skipDepth++;
      else if (token.type === 'end' && token.name === skipName) skipDepth--;
      continue;
    }
    if (token.type === 'text') {
      out += escapeHtml(token.data);
      continue;
    }
    if (token.type === 'start' && SKIP_CONTENT.has(token.name)) {
      skipDepth = 1;
      skipName = token.name;
      continue;
    }
    if (!ALLOWED.has(token.name)) continue;
    if (token.type === 'end') {
      if (NEED_ATTRS.has(token.name) && (droppedOpen[token.name] ?? 0) > 0) {
        droppedOpen[token.name] = (droppedOpen[token.name] ?? 0) - 1;
        continue;
      }
      out += renderTag(token, []);
      continue;
    }
    const attrs = cleanAttrs(token.name, token.attrs);
    if (NEED_ATTRS.has(token.name) && attrs.length === 0) {
      if (token.type === 'start') droppedOpen[token.name] = (droppedOpen[token.name] ?? 0) + 1;
      continue;
    }
    out += renderTag(token, attrs);
  }
  return out;
}
