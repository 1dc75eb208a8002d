import { z } from 'zod';
import { parseInput } from './zod-input.js';

export const uuid = z.string().uuid('must be a UUID');

/** `{[name]: schema}` objects, built (and compiled by zod) once per parameter, not once per request. */
const objects = new WeakMap<z.ZodType, Map<string, z.ZodType>>();

function paramObject(name: string, schema: z.ZodType): z.ZodType {
  let byName = objects.get(schema);
  if (!byName) objects.set(schema, (byName = new Map()));
  let object = byName.get(name);
  if (!object) byName.set(name, (object = z.object({ [name]: schema })));
  return object;
}

/** A path parameter checked by its schema; a bad one is a 400 naming it as the API does (snake_case). */
export function parseParam<S extends z.ZodType>(name: string, schema: S, value: string): z.output<S> {
  const parsed = parseInput(paramObject(name, schema), { [name]: value }) as Record<string, z.output<S>>;
  return parsed[name] as z.output<S>;
}

/** A UUID path parameter (`issue_id`, `project_id`, `comment_id`, …). */
export function parseUuid(name: string, value: string): string {
  return parseParam(name, uuid, value);
}
