import { ValidationError } from '#libs/common';
import type { z } from 'zod';

/** Parses request input; the first problem becomes a 400 naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw new ValidationError(
    field ? `${field}: ${issue?.message}` : (issue?.message ?? 'invalid input'),
    field,
  );
}
