import { describe, expect, it } from '@jest/globals';
import { decodeHtmlEntities } from '#libs/github-mcp';
import { parseGoDuration } from '../src/errors/go-duration.js';

describe('decodeHtmlEntities', () => {
  it.each([
    ['don&#39;t', "don't"],
    ['&#34;x&#34;', '"x"'],
    ['a &amp; b', 'a & b'],
    ['a &gt; b &lt; c', 'a > b < c'],
    ['&quot;q&quot; &apos;s&apos;', `"q" 's'`],
    ['non&nbsp;breaking', 'non\u00a0breaking'],
    ['&#8230; &#x2026; &#X1F600;', '… … 😀'],
    ['a &amp;amp; b', 'a &amp; b'],
    ['&amp;lt;tag&amp;gt;', '&lt;tag&gt;'],
    ['&#38;#39;', '&#39;'],
  ])('%s → %s', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('leaves unknown, incomplete and invalid entities alone', () => {
    expect(decodeHtmlEntities('&copy; &amp &#0; &#xD800; &#99999999; R&D')).toBe(
      '&copy; &amp &#0; &#xD800; &#99999999; R&D',
    );
    expect(decodeHtmlEntities('plain text')).toBe('plain text');
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['12m34s', 754_000],
    ['1m0s', 60_000],
    ['4m05s', 245_000],
    ['3s', 3000],
    ['1h0m0s', 3_600_000],
    ['1.5s', 1500],
    ['250ms', 250],
    ['0s', 0],
  ])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it('rejects text that is not a duration', () => {
    expect(parseGoDuration('soon')).toBeUndefined();
    expect(parseGoDuration('12 minutes')).toBeUndefined();
  });
});
