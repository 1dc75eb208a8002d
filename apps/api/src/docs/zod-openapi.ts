import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * zod → OpenAPI for controllers: request input is parsed with zod (`parseInput`), so the same schema
 * documents it. Usage: `@ApiZodBody(syncBody)`, `@ApiZodQuery(listQuery)`, `@ApiZodResponse(200, view)`.
 */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
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

export function ApiZodResponse(status: number, schema: z.ZodType, description = ''): MethodDecorator {
  return ApiResponse({ status, description, schema: zodSchema(schema, 'output') });
}
