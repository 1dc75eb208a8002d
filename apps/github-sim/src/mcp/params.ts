/**
 * Ports of github-mcp-server `pkg/github/params.go`. Arguments are the decoded JSON object;
 * failures throw `ParamError` with the upstream wording (numbers may be JSON numbers or
 * numeric strings, fractional values and zero for required ints are errors).
 */
import { goFloatV, goTypeName } from '../util/go-format.js';
import { ParamError, RpcError } from './result.js';

export type Args = Record<string, unknown>;

const GO_FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Go `toInt`: float64 or numeric string, finite, integral. */
export function toInt(value: unknown): number {
  let f: number;
  if (typeof value === 'number') f = value;
  else if (typeof value === 'string') {
    if (/^[+-]?(inf|infinity)$/i.test(value)) f = value.startsWith('-') ? -Infinity : Infinity;
    else if (/^nan$/i.test(value)) f = NaN;
    else if (GO_FLOAT.test(value)) f = Number(value);
    else throw new Error(`invalid numeric value: ${value}`);
  } else throw new Error(`expected number, got ${goTypeName(value)}`);
  if (!Number.isFinite(f)) throw new Error('non-finite numeric value');
  if (f !== Math.trunc(f)) throw new Error(`non-integer numeric value: ${goFloatV(f)}`);
  if (Math.abs(f) > Number.MAX_SAFE_INTEGER)
    throw new Error(`numeric value out of int range: ${goFloatV(f)}`);
  return f;
}

function asNumber(args: Args, p: string): number {
  try {
    return toInt(args[p]);
  } catch (err) {
    throw new ParamError(`parameter ${p} is not a valid number: ${(err as Error).message}`);
  }
}

export function requiredString(args: Args, p: string): string {
  if (!(p in args)) throw new ParamError(`missing required parameter: ${p}`);
  const value = args[p];
  if (typeof value !== 'string') throw new ParamError(`parameter ${p} is not of type string`);
  if (value === '') throw new ParamError(`missing required parameter: ${p}`);
  return value;
}

export function requiredInt(args: Args, p: string): number {
  if (!(p in args)) throw new ParamError(`missing required parameter: ${p}`);
  const value = asNumber(args, p);
  if (value === 0) throw new ParamError(`missing required parameter: ${p}`);
  return value;
}

export function optionalString(args: Args, p: string): string {
  if (!(p in args)) return '';
  const value = args[p];
  if (typeof value !== 'string')
    throw new ParamError(`parameter ${p} is not of type string, is ${goTypeName(value)}`);
  return value;
}

/** Go `OptionalParamOK[string]`: whether the key was present at all. */
export function optionalStringOK(args: Args, p: string): { value: string; present: boolean } {
  if (!(p in args)) return { value: '', present: false };
  return { value: optionalString(args, p), present: true };
}

export function optionalBool(args: Args, p: string, fallback: boolean): boolean {
  if (!(p in args)) return fallback;
  const value = args[p];
  if (typeof value !== 'boolean')
    throw new ParamError(`parameter ${p} is not of type bool, is ${goTypeName(value)}`);
  return value;
}

export function optionalInt(args: Args, p: string): number {
  if (!(p in args)) return 0;
  return asNumber(args, p);
}

export function optionalIntWithDefault(args: Args, p: string, fallback: number): number {
  const value = optionalInt(args, p);
  return value === 0 ? fallback : value;
}

export function optionalStringArray(args: Args, p: string): string[] {
  if (!(p in args)) return [];
  const value = args[p];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new ParamError(`parameter ${p} could not be coerced to []string, is ${goTypeName(value)}`);
  }
  return value.map((item: unknown) => {
    if (typeof item !== 'string')
      throw new ParamError(`parameter ${p} is not of type string, is ${goTypeName(item)}`);
    return item;
  });
}

/** Whether an array parameter was given and not null (issue_write's "provided" flags). */
export function provided(args: Args, p: string): boolean {
  return p in args && args[p] !== null && args[p] !== undefined;
}

export interface Pagination {
  page: number;
  perPage: number;
  after: string;
}

export function optionalPagination(args: Args): Pagination {
  return {
    page: optionalIntWithDefault(args, 'page', 1),
    perPage: optionalIntWithDefault(args, 'perPage', 30),
    after: optionalString(args, 'after'),
  };
}

/** Runs `fn`; a ParamError becomes a JSON-RPC error code 0 (where Go returns the error itself). */
export function asRawError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ParamError) throw new RpcError(err.message, 0);
    throw err;
  }
}
