import { z } from 'zod';
import { count, flag, names, optionalString } from './common.js';

/** `search_repositories` minimal output item; text is not sanitised. */
export const repositorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  full_name: z.string(),
  description: optionalString,
  html_url: z.string(),
  language: optionalString,
  stargazers_count: count,
  forks_count: count,
  open_issues_count: count,
  updated_at: optionalString,
  created_at: optionalString,
  topics: names,
  private: flag,
  fork: flag,
  archived: flag,
  default_branch: optionalString,
});

export const searchRepositoriesSchema = z.object({
  total_count: z.number().int(),
  incomplete_results: flag,
  items: z.array(repositorySchema),
});
