import { createHash } from 'node:crypto';
import type { IssueState, LocalIssueFields, OutboundField } from '#libs/db';
import { decodeHtmlEntities } from '#libs/github-mcp';

/** A field's value in GitHub terms (state as GitHub sees it; sets sorted and case-folded). */
export type FieldValue = string | string[] | null;

/** `open`, `closed:completed` or `closed:not_planned`: the local states GitHub can tell apart. */
export type GitHubSideState = 'open' | 'closed:completed' | 'closed:not_planned';

export const TEXT_FIELDS: readonly OutboundField[] = ['title', 'description'];

export function githubSideState(state: IssueState): GitHubSideState {
  if (state === 'done') return 'closed:completed';
  if (state === 'cancelled') return 'closed:not_planned';
  return 'open';
}

/** The comparable value of one field of local issue fields. */
export function fieldValue(fields: LocalIssueFields, field: OutboundField): FieldValue {
  switch (field) {
    case 'title':
      return fields.title;
    case 'description':
      return fields.description;
    case 'state':
      return githubSideState(fields.state);
    case 'labels':
      return normalizeSet(fields.labels);
    case 'assignees':
      return normalizeSet(fields.assignees);
    case 'milestone':
      return fields.milestone;
  }
}

/** Labels and logins are case-insensitive on GitHub; order does not matter. */
export function normalizeSet(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))].sort();
}

export function fieldHash(field: OutboundField, value: FieldValue): string {
  return sha256(JSON.stringify([field, value]));
}

/** Hash of a text field's fingerprint (see `textFingerprint`). */
export function fingerprintHash(field: OutboundField, text: string): string {
  return sha256(JSON.stringify([field, textFingerprint(text)]));
}

const INVISIBLE =
  /[\u200b\u200c\u200e\u200f\u061c\u00ad\ufeff\u180e\u202a-\u202e\u2066-\u2069\u2060-\u2064]|\udb40[\udc01\udc20-\udc7f]/g;

/**
 * What survives the MCP server's sanitising (CONTRACT §4.6) of a text: entities decoded, tags dropped
 * (their inner text kept), invisible characters removed, CR folded, code-fence info strings dropped,
 * whitespace collapsed. A text we wrote and GitHub's sanitised view of it have the same fingerprint;
 * an edit of its words does not.
 */
export function textFingerprint(text: string): string {
  return decodeHtmlEntities(text)
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, '')
    .replace(/<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^([ \t]*(?:`{3,}|~{3,}))[^\n]*$/gm, '$1')
    .replace(/[<>&"'\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FENCE_INFO = /^[ \t]*(?:`{3,}|~{3,})(.*)$/gm;

/**
 * True when the MCP server shows this text exactly as written: plain printable ASCII without the
 * characters that trigger HTML sanitising, and code-fence info strings it keeps. Then the hash of what
 * we wrote is also the hash of what a page will show, and no read-back is needed.
 */
export function isShownVerbatim(text: string): boolean {
  if (!/^[\x20-\x7e\n\t]*$/.test(text) || /[&'"<>]/.test(text)) return false;
  for (const match of text.matchAll(FENCE_INFO)) {
    const info = (match[1] ?? '').trim();
    if (info !== '' && !/^[A-Za-z0-9+\-_#.]{1,48}$/.test(info)) return false;
  }
  return true;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Whether GitHub's (sanitised) view of a field is what the local value looks like there. */
export function compatible(field: OutboundField, view: LocalIssueFields, local: LocalIssueFields): boolean {
  const a = fieldValue(view, field);
  const b = fieldValue(local, field);
  if (fieldHash(field, a) === fieldHash(field, b)) return true;
  return TEXT_FIELDS.includes(field) && typeof a === 'string' && typeof b === 'string'
    ? fingerprintHash(field, a) === fingerprintHash(field, b)
    : false;
}
