import { z } from 'zod';

/** MinimalResponse of `issue_write` and `add_issue_comment` (body only): the id is a string. */
export const minimalResponseSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
});

const ISSUE_NUMBER_IN_URL = /\/issues\/(\d+)$/;

/** `issue_write` returns no issue number: it is parsed from the html_url. */
export const issueWriteResultSchema = minimalResponseSchema.transform((value, ctx) => {
  const found = ISSUE_NUMBER_IN_URL.exec(value.url)?.[1];
  if (found === undefined) {
    ctx.addIssue({ code: 'custom', message: `url does not end in /issues/<number>: ${value.url}` });
    return z.NEVER;
  }
  return { id: value.id, url: value.url, number: Number(found) };
});
