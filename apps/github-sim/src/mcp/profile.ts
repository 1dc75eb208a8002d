/**
 * Which GitHub MCP server the simulator plays: the snapshot (64a49f34) or the hosted
 * server after it. A start option (`--text-encoding`, `--update-issue-comment`, `--structured-content`).
 */
import { sanitizeCached } from '../sanitize/index.js';
import { filterInvisibleCharacters } from '../sanitize/invisible.js';

/**
 * - `escaped`: the snapshot's bluemonday sanitising, text HTML-escaped.
 * - `plain`: the hosted server after #3177 / #3216: bodies and titles keep their source text, only
 *   invisible and bidi characters removed.
 * - `plain-angles`: as `plain`, but titles keep `<` and `>` escaped as `&lt;` / `&gt;` (the #3215 variant).
 */
export const SIM_TEXT_ENCODINGS = ['escaped', 'plain', 'plain-angles'] as const;
export type SimTextEncoding = (typeof SIM_TEXT_ENCODINGS)[number];

/**
 * - `off`: the snapshot, text block only.
 * - `both`: `issue_read get` and `pull_request_read get` also carry `structuredContent` (#2945).
 * - `only`: the flag of #2945 that drops the text block of those results.
 */
export const SIM_STRUCTURED_CONTENT = ['off', 'both', 'only'] as const;
export type SimStructuredContent = (typeof SIM_STRUCTURED_CONTENT)[number];

export interface ServerProfile {
  textEncoding: SimTextEncoding;
  /** Lists and serves `update_issue_comment` (#3284). */
  updateIssueComment: boolean;
  structuredContent: SimStructuredContent;
}

export const SNAPSHOT_PROFILE: ServerProfile = {
  textEncoding: 'escaped',
  updateIssueComment: false,
  structuredContent: 'off',
};

/**
 * serverInfo.version per encoding: the snapshot predates release 1.0.0 (html-escaped), a later release is
 * verbatim; the #3215 variant was never released, so it reports a development build.
 */
export function serverVersion(profile: ServerProfile): string {
  if (profile.textEncoding === 'escaped') return '0.0.0-github-sim';
  return profile.textEncoding === 'plain' ? '1.0.0-github-sim' : 'dev-github-sim-3215';
}

/** How the server turns a stored title or body into the text of a tool result. */
export interface SimText {
  title(text: string): string;
  body(text: string): string;
}

const escapeAngles = (text: string): string => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const TEXTS: Readonly<Record<SimTextEncoding, SimText>> = {
  escaped: { title: sanitizeCached, body: sanitizeCached },
  plain: { title: filterInvisibleCharacters, body: filterInvisibleCharacters },
  'plain-angles': {
    title: (text) => escapeAngles(filterInvisibleCharacters(text)),
    body: filterInvisibleCharacters,
  },
};

export function simText(profile: ServerProfile): SimText {
  return TEXTS[profile.textEncoding];
}
