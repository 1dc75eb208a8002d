import { createHash } from 'node:crypto';
import { decodeHtmlEntities } from '#libs/github-mcp';
import { githubSideState } from './github-state.js';
import type { IssueState } from './states.js';

/** Issue fields written to GitHub (priority is local only). */
export const OUTBOUND_FIELDS = ['title', 'description', 'state', 'labels', 'assignees', 'milestone'] as const;
export type OutboundField = (typeof OUTBOUND_FIELDS)[number];

/** Field → ISO time of the local edit not yet on GitHub. */
export type DirtyFields = Partial<Record<OutboundField, string>>;
/** Field → sha256 of its value (`fieldHash`) or of its text's fingerprint (`fingerprintHash`). */
export type FieldHashes = Partial<Record<OutboundField, string>>;

/** The synced fields of a workspace issue, as stored. */
export interface LocalIssueFields {
  title: string;
  description: string;
  state: IssueState;
  labels: string[];
  assignees: string[];
  milestone: string | null;
}

/** A field's value in GitHub terms (state as GitHub sees it; sets sorted and case-folded). */
export type FieldValue = string | string[] | null;

export const TEXT_FIELDS: readonly OutboundField[] = ['title', 'description'];

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
 * What survives the MCP server's sanitising of a text (the simulator's `sanitize` in apps/github-sim does the same): entities decoded, tags dropped
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
