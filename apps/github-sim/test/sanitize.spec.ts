import { describe, expect, it } from '@jest/globals';
import { sanitize } from '../src/index.js';

describe('sanitize (github-mcp-server pkg/sanitize)', () => {
  it.each([
    ["don't", 'don&#39;t'],
    ['"x"', '&#34;x&#34;'],
    ['a & b', 'a &amp; b'],
    ['a > b', 'a &gt; b'],
    ['Vec<T>', 'Vec'],
    ['use Vec<T> here', 'use Vec here'],
    ['&amp; stays', '&amp; stays'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['if (a < b && c) {}', 'if (a &lt; b &amp;&amp; c) {}'],
  ])('escapes and strips %j', (input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('folds CRLF and lone CR into LF', () => {
    expect(sanitize('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('drops script and style together with their content, keeps inner text of other tags', () => {
    expect(sanitize('a<script>alert("x")</script>b<style>p{}</style>c')).toBe('abc');
    expect(sanitize('<span class="x">kept</span> <div>text</div>')).toBe('kept text');
    expect(sanitize('<!-- hidden -->visible')).toBe('visible');
  });

  it('keeps allowed elements without attributes, links only for http(s) with rel/target', () => {
    expect(sanitize('<b onclick="x()">bold</b><br/><p>para</p>')).toBe('<b>bold</b><br/><p>para</p>');
    expect(sanitize('<a href="https://example.com/x">ok</a>')).toBe(
      '<a href="https://example.com/x" rel="nofollow noreferrer noopener" target="_blank">ok</a>',
    );
    expect(sanitize('<a href="javascript:alert(1)">bad</a>')).toBe('bad');
    expect(sanitize('<img src="https://example.com/i.png" alt="pic" onerror="x">')).toBe(
      '<img src="https://example.com/i.png" alt="pic">',
    );
  });

  it('removes invisible and bidi characters but keeps emoji and variation sequences', () => {
    expect(sanitize('zero\u200bwidth\u202eRTL\u2066x')).toBe('zerowidthRTLx');
    expect(sanitize('plane ✈\ufe0f and 1\ufe0f\u20e3')).toBe('plane ✈\ufe0f and 1\ufe0f\u20e3');
    expect(sanitize('\ufe0fstart')).toBe('start');
  });

  it('drops unsafe code-fence info strings and keeps simple ones', () => {
    expect(sanitize('```ts\ncode\n```')).toBe('```ts\ncode\n```');
    expect(sanitize('```js title="x"\ncode\n```')).toBe('```\ncode\n```');
    expect(sanitize('```\r\ncode\r\n```')).toBe('```\ncode\n```');
  });

  it('leaves inert ASCII and plain unicode untouched', () => {
    expect(sanitize('Plain text: 1. list, [link](https://x.y)')).toBe(
      'Plain text: 1. list, [link](https://x.y)',
    );
    expect(sanitize('Café 漢字 🚀')).toBe('Café 漢字 🚀');
  });
});
