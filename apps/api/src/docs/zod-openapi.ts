import { isDeepStrictEqual } from 'node:util';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

const COMPONENTS = '#/components/schemas/';
/** Named schemas (zod `.meta({ id })`) met by zodSchema(), for the document's `components.schemas`. */
const components = new Map<string, SchemaObject>();

/** `#/definitions/<id>` (how z.toJSONSchema refers to schemas with an id) → `#/components/schemas/<id>`. */
function toComponentRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toComponentRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/definitions\//, COMPONENTS)
        : toComponentRefs(value),
    ]),
  );
}

function register(id: string, schema: SchemaObject): void {
  if (id.startsWith('__')) {
    throw new Error(`zodSchema: give the recursive or reused schema ${id} a name with .meta({ id })`);
  }
  const known = components.get(id);
  if (known && !isDeepStrictEqual(known, schema)) {
    throw new Error(`zodSchema: two different schemas are named ${id}`);
  }
  components.set(id, schema);
}

/** z.date() is a `Date` in code and its ISO string (`toJSON`) on the wire. */
const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = (ctx) => {
  if (ctx.zodSchema._zod.def.type === 'date')
    Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
};

/**
 * zod → OpenAPI for controllers: request input is parsed with zod (`parseInput`), so the same schema
 * documents it. Usage: `@ApiZodBody(syncBody)`, `@ApiZodQuery(listQuery)`, `@ApiZodResponse(200, view)`.
 * Schemas named with `.meta({ id: 'SyncJob' })` become `components.schemas.SyncJob` and are referred to
 * by `$ref` (one named type for generated clients); see zodComponents().
 */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', override });
  const { definitions, ...rest } = toComponentRefs(json) as SchemaObject & {
    definitions?: Record<string, SchemaObject>;
  };
  for (const [id, definition] of Object.entries(definitions ?? {})) register(id, definition);
  return rest;
}

/** The named schemas for `components.schemas` (filled as the controllers' decorators run). */
export function zodComponents(): Record<string, SchemaObject> {
  return Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b)));
}

export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({ schema: zodSchema(schema), required: false, ...(description ? { description } : {}) });
}

/** One query parameter per property of a zod object schema. */
export function ApiZodQuery(schema: z.ZodType): MethodDecorator {
  const json = zodSchema(schema);
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}

/** The response body of a status (output types: what the presenter returns, as JSON). */
export function ApiZodResponse(status: number, schema: z.ZodType, description = ''): MethodDecorator {
  return ApiResponse({ status, description, schema: zodSchema(schema, 'output') });
}
