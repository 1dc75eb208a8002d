/**
 * A small HTML tokenizer modelled on golang.org/x/net/html's `Tokenizer`, enough for the
 * bluemonday policy used by github-mcp-server: text (entities decoded, CR/CRLF folded into LF,
 * NUL replaced), start/end/self-closing tags with attributes, raw-text elements, and comments,
 * doctypes and bogus comments (which the policy drops). An unterminated tag at EOF ends the input.
 */
import { decodeEntities } from './entities.js';

export interface HtmlAttr {
  key: string;
  val: string;
}

export type HtmlToken =
  | { type: 'text'; data: string }
  | { type: 'start' | 'self'; name: string; attrs: HtmlAttr[] }
  | { type: 'end'; name: string }
  | { type: 'comment' };

const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'xmp']);
const RCDATA = new Set(['textarea', 'title']);
const WS = /[\t\n\f\r ]/;
const LETTER = /[A-Za-z]/;

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function tokenize(input: string): HtmlToken[] {
  const src = input;
  const tokens: HtmlToken[] = [];
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) tokens.push({ type: 'text', data: cleanText(src.slice(textStart, end)) });
  };
  while (i < src.length) {
    if (src[i] !== '<') {
      i++;
      continue;
    }
    const next = src[i + 1] ?? '';
    if (LETTER.test(next)) {
      const tag = readTag(src, i + 1);
      if (!tag) {
        flushText(i);
        return tokens;
      }
      flushText(i);
      tokens.push(tag.token);
      i = textStart = tag.end;
      const name = tag.token.type === 'start' ? tag.token.name : '';
      if (name === 'plaintext') {
        textStart = i;
        i = src.length;
      } else if (RAW_TEXT.has(name) || RCDATA.has(name)) {
        const close = findRawEnd(src, i, name);
        const data = normalizeNewlines(src.slice(i, close));
        if (data) tokens.push({ type: 'text', data: RCDATA.has(name) ? decodeEntities(data) : data });
        i = textStart = close;
      }
      continue;
    }
    if (next === '/') {
      const after = src[i + 2] ?? '';
      if (after === '') {
        i += 2;
        continue;
      }
      flushText(i);
      if (after === '>') {
        i = textStart = i + 3;
      } else if (LETTER.test(after)) {
        const tag = readTag(src, i + 2);
        if (!tag) return tokens;
        tokens.push({ type: 'end', name: tag.token.type === 'start' ? tag.token.name : '' });
        i = textStart = tag.end;
      } else {
        i = textStart = skipPast(src, i + 2, '>');
        tokens.push({ type: 'comment' });
      }
      continue;
    }
    if (next === '!' || next === '?') {
      flushText(i);
      i = textStart = src.startsWith('<!--', i) ? skipComment(src, i + 4) : skipPast(src, i + 2, '>');
      tokens.push({ type: 'comment' });
      continue;
    }
    i++;
  }
  flushText(src.length);
  return tokens;
}

function cleanText(raw: string): string {
  return decodeEntities(normalizeNewlines(raw)).replace(/\0/g, '\ufffd');
}

function skipPast(src: string, from: number, ch: string): number {
  const idx = src.indexOf(ch, from);
  return idx < 0 ? src.length : idx + 1;
}

function skipComment(src: string, from: number): number {
  if (src.startsWith('>', from)) return from + 1;
  if (src.startsWith('->', from)) return from + 2;
  const end = src.indexOf('-->', from);
  const bang = src.indexOf('--!>', from);
  if (end < 0 && bang < 0) return src.length;
  if (bang >= 0 && (end < 0 || bang < end)) return bang + 4;
  return end + 3;
}

function findRawEnd(src: string, from: number, name: string): number {
  const lower = src.toLowerCase();
  let idx = from;
  for (;;) {
    idx = lower.indexOf('</' + name, idx);
    if (idx < 0) return src.length;
    const after = src[idx + 2 + name.length] ?? '';
    if (after === '' || after === '>' || after === '/' || WS.test(after)) return idx;
    idx += 2;
  }
}

/** Reads a tag starting at its name; undefined when the input ends before the closing `>`. */
function readTag(src: string, start: number): { token: HtmlToken; end: number } | undefined {
  let i = start;
  while (i < src.length && !WS.test(src[i] as string) && src[i] !== '/' && src[i] !== '>') i++;
  const name = src.slice(start, i).toLowerCase();
  const attrs: HtmlAttr[] = [];
  let selfClosing = false;
  for (;;) {
    while (i < src.length && (WS.test(src[i] as string) || src[i] === '/')) {
      selfClosing = src[i] === '/';
      i++;
    }
    if (i >= src.length) return undefined;
    if (src[i] === '>') break;
    selfClosing = false;
    const keyStart = i;
    i++;
    while (i < src.length && !WS.test(src[i] as string) && !'/>='.includes(src[i] as string)) i++;
    const key = src.slice(keyStart, i).toLowerCase();
    while (i < src.length && WS.test(src[i] as string)) i++;
    let val = '';
    if (src[i] === '=') {
      i++;
      while (i < src.length && WS.test(src[i] as string)) i++;
      const quote = src[i];
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, i + 1);
        if (close < 0) return undefined;
        val = src.slice(i + 1, close);
        i = close + 1;
      } else {
        const valStart = i;
        while (i < src.length && !WS.test(src[i] as string) && src[i] !== '>') i++;
        val = src.slice(valStart, i);
      }
    }
    attrs.push({ key, val: decodeEntities(normalizeNewlines(val), true) });
  }
  return { token: { type: selfClosing ? 'self' : 'start', name, attrs }, end: i + 1 };
}
