/** Argument parsing of `issue_write`, in the order (and with the messages) of the upstream handler. */
import { goQuote, goTypeName } from '../../util/go-format.js';
import {
  optionalBool,
  optionalInt,
  optionalString,
  optionalStringArray,
  provided,
  requiredString,
} from '../params.js';
import type { Args } from '../params.js';
import { ParamError } from '../result.js';

export interface IssueWriteArgs {
  method: string;
  owner: string;
  repo: string;
  title: string;
  body: string;
  assignees: string[];
  assigneesProvided: boolean;
  labels: string[];
  labelsProvided: boolean;
  milestone: number;
  type: string;
  typeProvided: boolean;
  state: string;
  stateReason: string;
  duplicateOf: number;
  issueFields: { field_name: string }[];
}

function nullableString(args: Args, p: string): { value: string; provided: boolean } {
  if (!(p in args)) return { value: '', provided: false };
  const value = args[p];
  if (value === null) return { value: '', provided: true };
  if (typeof value !== 'string')
    throw new ParamError(`parameter ${p} is not of type string or null, is ${goTypeName(value)}`);
  if (value === '') throw new ParamError(`parameter ${p} must not be empty`);
  return { value, provided: true };
}

function issueFields(args: Args): { field_name: string }[] {
  if (!('issue_fields' in args)) return [];
  const raw = args['issue_fields'];
  if (!Array.isArray(raw)) throw new ParamError('issue_fields must be an array');
  const entries = raw.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new ParamError('each issue_fields item must be an object');
    }
    return item as Args;
  });
  return entries.map((entry) => {
    const name = entry['field_name'];
    if (typeof name !== 'string' || name.trim() === '') {
      throw new ParamError('field_name is required for each issue_fields item');
    }
    const option = optionalString(entry, 'field_option_name');
    const del = optionalBool(entry, 'delete', false);
    const hasValue = 'value' in entry;
    if (hasValue && entry['value'] === null)
      throw new ParamError(`value cannot be null for field ${goQuote(name)}`);
    if (del) {
      if (hasValue || option !== '') {
        throw new ParamError(
          `issue field ${goQuote(name)} cannot specify 'delete' together with 'value' or 'field_option_name'`,
        );
      }
      return { field_name: name };
    }
    if (hasValue && option !== '') {
      throw new ParamError(`issue field ${goQuote(name)} cannot specify both value and field_option_name`);
    }
    if (!hasValue && option === '') {
      throw new ParamError(`issue field ${goQuote(name)} must specify either value or field_option_name`);
    }
    return { field_name: name };
  });
}

export function parseIssueWriteArgs(args: Args): IssueWriteArgs {
  const method = requiredString(args, 'method');
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const title = optionalString(args, 'title');
  const body = optionalString(args, 'body');
  const assignees = optionalStringArray(args, 'assignees');
  const assigneesProvided = provided(args, 'assignees');
  const labels = optionalStringArray(args, 'labels');
  const labelsProvided = provided(args, 'labels');
  const milestone = optionalInt(args, 'milestone');
  const type = nullableString(args, 'type');
  const state = optionalString(args, 'state');
  const stateReason = optionalString(args, 'state_reason');
  const duplicateOf = optionalInt(args, 'duplicate_of');
  if (duplicateOf !== 0 && stateReason !== 'duplicate') {
    throw new ParamError("duplicate_of can only be used when state_reason is 'duplicate'");
  }
  if (state === 'closed' && stateReason === 'duplicate' && duplicateOf === 0) {
    throw new ParamError("duplicate_of must be provided when state_reason is 'duplicate'");
  }
  return {
    method,
    owner,
    repo,
    title,
    body,
    assignees,
    assigneesProvided,
    labels,
    labelsProvided,
    milestone,
    type: type.value,
    typeProvided: type.provided,
    state,
    stateReason,
    duplicateOf,
    issueFields: issueFields(args),
  };
}
