/** HTML character-reference decoding (subset of golang.org/x/net/html `unescape`). */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  times: '\u00d7',
  divide: '\u00f7',
  deg: '\u00b0',
  plusmn: '\u00b1',
  para: '\u00b6',
  sect: '\u00a7',
  cent: '\u00a2',
  pound: '\u00a3',
  yen: '\u00a5',
  euro: '\u20ac',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  check: '\u2713',
};

/** Names the tokenizer also accepts without a trailing semicolon (legacy references). */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'shy', 'deg', 'times']);

const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

const REFERENCE = /&(#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/g;

/** Decodes character references; `inAttribute` keeps legacy names followed by `=`/alnum literal. */
export function decodeEntities(text: string, inAttribute = false): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match: string, body: string, offset: number) => {
    if (body.startsWith('#')) return decodeNumeric(body);
    const terminated = body.endsWith(';');
    const name = terminated ? body.slice(0, -1) : body;
    if (terminated && NAMED[name] !== undefined) return NAMED[name];
    // Longest legacy prefix without a semicolon, e.g. `&ampfoo` -> `&foo`.
    for (let len = Math.min(name.length, 6); len >= 2; len--) {
      const prefix = name.slice(0, len);
      if (!LEGACY.has(prefix)) continue;
      const next = text[offset + 1 + len] ?? '';
      if (inAttribute && /[=A-Za-z0-9]/.test(next)) return match;
      return (NAMED[prefix] as string) + body.slice(len);
    }
    return match;
  });
}

function decodeNumeric(body: string): string {
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1).replace(/;$/, '');
  let cp = parseInt(digits, hex ? 16 : 10);
  if (WINDOWS_1252[cp] !== undefined) cp = WINDOWS_1252[cp] as number;
  if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}
