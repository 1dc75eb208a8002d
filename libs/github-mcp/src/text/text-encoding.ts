import { decodeHtmlEntities } from './html-entities.js';

/**
 * How the MCP server encodes the titles and bodies it returns :
 * - `html-escaped`: the snapshot (64a49f34) — bluemonday HTML-escapes `& ' " < >`; decoded once here.
 * - `verbatim`: the hosted server after #3177/#3216 — the source text, only invisible characters removed.
 * - `verbatim-angles-escaped`: bodies verbatim, titles with `&lt;` / `&gt;` kept escaped (the #3215 variant).
 */
export const TEXT_ENCODINGS = ['html-escaped', 'verbatim', 'verbatim-angles-escaped'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** `auto`: decided per connection from the server's `initialize` answer (`encodingForServer`). */
export type TextEncodingSetting = TextEncoding | 'auto';
export const TEXT_ENCODING_SETTINGS: readonly TextEncodingSetting[] = ['auto', ...TEXT_ENCODINGS];

/**
 * The first github-mcp-server release whose text is not HTML-escaped. Releases are `vMAJOR.MINOR.PATCH`;
 * the snapshot predates 1.0.0. Builds that report no release number (the hosted server deploys from
 * `main`, local builds say `dev`) are verbatim.
 */
export const FIRST_VERBATIM_RELEASE: readonly [number, number, number] = [1, 0, 0];

function releaseOf(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function olderThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < b.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** The encoding a server uses, from its `serverInfo.version`. */
export function encodingForServer(version: string | undefined): TextEncoding {
  const release = version === undefined ? undefined : releaseOf(version);
  if (release === undefined) return 'verbatim';
  return olderThan(release, FIRST_VERBATIM_RELEASE) ? 'html-escaped' : 'verbatim';
}

export function resolveEncoding(
  setting: TextEncodingSetting,
  serverVersion: string | undefined,
): TextEncoding {
  return setting === 'auto' ? encodingForServer(serverVersion) : setting;
}

/** Turns a server's title and body text into what the user typed, as far as the server kept it. */
export interface TextCodec {
  readonly encoding: TextEncoding;
  title(text: string): string;
  body(text: string): string;
}

const identity = (text: string): string => text;
const ANGLES = /&(lt|gt);/g;
const decodeAngles = (text: string): string =>
  text.includes('&') ? text.replace(ANGLES, (_m, name: string) => (name === 'lt' ? '<' : '>')) : text;

const CODECS: Readonly<Record<TextEncoding, TextCodec>> = {
  'html-escaped': { encoding: 'html-escaped', title: decodeHtmlEntities, body: decodeHtmlEntities },
  verbatim: { encoding: 'verbatim', title: identity, body: identity },
  'verbatim-angles-escaped': { encoding: 'verbatim-angles-escaped', title: decodeAngles, body: identity },
};

export function textCodec(encoding: TextEncoding): TextCodec {
  return CODECS[encoding];
}
