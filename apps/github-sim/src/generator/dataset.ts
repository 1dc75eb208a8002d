/** Deterministic dataset generation: same seed and specs, same data. */
import type { Dataset, RepoSpec, SimUser } from '../store/types.js';
import { initialCounters } from './ids.js';
import type { IdCounters } from './ids.js';
import { generateRepoData } from './repo.js';
import { makeUser, populationUsers } from './users.js';

export interface GenerateOptions {
  seed: number;
  repos: RepoSpec[];
}

/** Users for repository owners that are not part of the population become organizations. */
export function ownerUsers(specs: RepoSpec[], known: SimUser[]): SimUser[] {
  const seen = new Set(known.map((u) => u.login.toLowerCase()));
  const out: SimUser[] = [];
  for (const spec of specs) {
    const key = spec.owner.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeUser(spec.owner, 'Organization'));
  }
  return out;
}

export function generateDataset(options: GenerateOptions, counters: IdCounters = initialCounters()): Dataset {
  const population = populationUsers();
  const users = [...population, ...ownerUsers(options.repos, population)];
  const repos = options.repos.map((spec) => generateRepoData(spec, options.seed, counters));
  return { seed: options.seed, users, repos };
}
