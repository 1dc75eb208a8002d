/** A small GitHub repository-search query parser: qualifiers plus free-text terms. */
import type { RepoState } from '../../store/repo-state.js';

export interface RepoQuery {
  repos: string[];
  owners: string[];
  visibility?: 'public' | 'private';
  archived?: boolean;
  fork?: boolean;
  terms: string[];
  inFields: string[];
}

const TOKEN = /(\S+?:"[^"]*"|"[^"]*"|\S+)/g;

function unquote(text: string): string {
  return text.replace(/^"|"$/g, '');
}

export function parseRepoQuery(query: string): RepoQuery {
  const q: RepoQuery = { repos: [], owners: [], terms: [], inFields: [] };
  for (const raw of query.match(TOKEN) ?? []) {
    const colon = raw.indexOf(':');
    const key = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? unquote(raw.slice(colon + 1)) : '';
    if (key === 'repo') q.repos.push(value.toLowerCase());
    else if (key === 'user' || key === 'org' || key === 'owner') q.owners.push(value.toLowerCase());
    else if (key === 'is' && (value === 'public' || value === 'private')) q.visibility = value;
    else if (key === 'archived') q.archived = value === 'true';
    else if (key === 'fork') q.fork = value === 'true' || value === 'only';
    else if (key === 'in') q.inFields.push(...value.toLowerCase().split(','));
    else if (colon > 0 && /^[a-z_-]+$/.test(key)) continue;
    else q.terms.push(unquote(raw).toLowerCase());
  }
  return q;
}

export function matchesRepoQuery(state: RepoState, q: RepoQuery): boolean {
  const repo = state.repo;
  const full = repo.full_name.toLowerCase();
  if (q.repos.length > 0 && !q.repos.includes(full)) return false;
  if (q.owners.length > 0 && !q.owners.includes(repo.owner.toLowerCase())) return false;
  if (q.visibility && (q.visibility === 'private') !== repo.private) return false;
  if (q.archived === true || q.fork === true) return false;
  const fields = q.inFields.length > 0 ? q.inFields : ['name', 'description', 'topics'];
  const haystacks: string[] = [];
  if (fields.includes('name')) haystacks.push(repo.name.toLowerCase());
  if (fields.includes('description')) haystacks.push(repo.description.toLowerCase());
  if (fields.includes('topics')) haystacks.push(...repo.topics);
  return q.terms.every((term) => haystacks.some((h) => h.includes(term)));
}
