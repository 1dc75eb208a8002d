import { z } from 'zod';
import { count, optionalString } from './common.js';

/** `get_me` MinimalUser with `details`. */
export const meSchema = z.object({
  login: z.string(),
  id: z.number().int(),
  profile_url: optionalString,
  avatar_url: optionalString,
  details: z
    .object({
      name: optionalString,
      company: optionalString,
      blog: optionalString,
      location: optionalString,
      email: optionalString,
      bio: optionalString,
      twitter_username: optionalString,
      public_repos: count,
      public_gists: count,
      followers: count,
      following: count,
      created_at: optionalString,
      updated_at: optionalString,
      total_private_repos: count,
      owned_private_repos: count,
    })
    .optional(),
});
