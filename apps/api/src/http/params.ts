import { z } from 'zod';
import { parseInput } from './zod-input.js';

export const uuid = z.string().uuid('must be a UUID');

/** A path parameter checked by its schema; a bad one is a 400 naming it as the API does (snake_case). */
export function parseParam<S extends z.ZodType>(name: string, schema: S, value: string): z.output<S> {
  const parsed = parseInput(z.object({ [name]: schema }), { [name]: value }) as Record<string, z.output<S>>;
  return parsed[name] as z.output<S>;
}

/** A UUID path parameter (`issue_id`, `project_id`, `comment_id`, …). */
export function parseUuid(name: string, value: string): string {
  return parseParam(name, uuid, value);
}
