import { z } from 'zod';

/**
 * A title or body as the server sent it (absent or null → ''). Its encoding depends on the server; the
 * client decodes it per connection (`text/decode-results.ts`), never in the schema.
 */
export const serverText = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** Go `omitempty` scalars: absence means the zero value. */
export const count = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? 0);
export const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);
export const names = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);
export const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** `user` of MinimalIssue/MinimalPullRequest/MinimalIssueComment (absent for deleted "ghost" accounts). */
export const minimalUser = z
  .object({
    login: z.string(),
    id: z.number().int().optional(),
    profile_url: z.string().optional(),
    avatar_url: z.string().optional(),
  })
  .nullish()
  .transform((value) => value ?? null);

export const fieldValues = z
  .array(
    z.object({
      field: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    }),
  )
  .nullish()
  .transform((value) => value ?? []);

export const reactions = z
  .object({
    total_count: z.number().int(),
    '+1': z.number().int(),
    '-1': z.number().int(),
    laugh: z.number().int(),
    confused: z.number().int(),
    heart: z.number().int(),
    hooray: z.number().int(),
    rocket: z.number().int(),
    eyes: z.number().int(),
  })
  .optional();
