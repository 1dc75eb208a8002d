import { expect } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface Response {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, Response>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type Method = (typeof METHODS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * OpenAPI 3.0 `nullable: true` as generated clients read it (`T | null`, also beside `allOf: [$ref]`,
 * which ajv's own `nullable` refuses without `type`): `anyOf: [T, null]`.
 */
function nullableToAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToAnyOf);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Json;
  const mapped = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, nullableToAnyOf(v)]));
  if (nullable !== true) return mapped;
  const { description, ...schema } = mapped;
  return { ...(description === undefined ? {} : { description }), anyOf: [schema, { type: 'null' }] };
}

/** The JSON schema the document declares for one answer, or undefined. */
export function declaredSchema(doc: OpenApiDocument, path: string, method: Method, status: number) {
  return doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
}

/**
 * Validates bodies against what the OpenAPI document declares (OpenAPI 3.0 schemas: `nullable`,
 * `$ref: #/components/schemas/…`), as a generated client would read them.
 */
export function openApiValidator(doc: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', UUID);
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  const compiled = new Map<string, ValidateFunction>();

  function validator(path: string, method: Method, status: number): ValidateFunction {
    const key = `${method} ${path} ${status}`;
    const known = compiled.get(key);
    if (known) return known;
    const schema = declaredSchema(doc, path, method, status);
    if (!schema) throw new Error(`${key}: the document declares no application/json schema`);
    const validate = ajv.compile(nullableToAnyOf({ ...schema, components: doc.components ?? {} }) as Json);
    compiled.set(key, validate);
    return validate;
  }

  return {
    /** The validation errors of `body` as the answer `status` of `method path` (empty: valid). */
    errors(path: string, method: Method, status: number, body: unknown): string[] {
      const validate = validator(path, method, status);
      if (validate(body)) return [];
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
  };
}

export type OpenApiValidator = ReturnType<typeof openApiValidator>;

/** Calls the API by the document's path and checks status and body against the declared schema. */
export function documentedClient(origin: string, token: string, validator: OpenApiValidator) {
  const called = new Set<string>();
  async function call(
    method: Method,
    path: string,
    options: { params?: Record<string, string>; query?: string; body?: unknown; status: number | number[] },
  ): Promise<{ status: number; body: Json }> {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
      return encodeURIComponent(value);
    });
    const res = await fetch(`${origin}${url}${options.query ? `?${options.query}` : ''}`, {
      method: method.toUpperCase(),
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const body = (await res.json()) as Json;
    const expected = Array.isArray(options.status) ? options.status : [options.status];
    if (!expected.includes(res.status)) {
      throw new Error(`${method.toUpperCase()} ${url}: ${res.status} ${JSON.stringify(body)}`);
    }
    expect({
      route: `${method} ${path} ${res.status}`,
      errors: validator.errors(path, method, res.status, body),
    }).toEqual({ route: `${method} ${path} ${res.status}`, errors: [] });
    called.add(`${method} ${path}`);
    return { status: res.status, body };
  }
  return { call, called };
}
