/**
 * Per-tool fault injection. A rule matches `tools/call` requests for its tool (or every tool
 * with `'*'`/no tool), lets `afterCalls` matching calls through, then affects the next `count`
 * calls (unlimited when omitted). Latency rules add up; of the other rules the first one that
 * applies wins.
 */

export type FaultMode = 'error' | 'rate_limit' | 'latency' | 'drop' | 'http_500';

export interface FaultRule {
  tool?: string;
  mode: FaultMode;
  afterCalls?: number;
  count?: number;
  latencyMs?: number;
  resetInSeconds?: number;
  /** GitHub's error message (REST `message`, or the GraphQL error) instead of the default. */
  message?: string;
  /** HTTP status for `error` on REST tools (default 500); for `http_500`, the MCP endpoint's 5xx status. */
  status?: number;
  /**
   * `error`/`rate_limit` only: hit the tool call's first GitHub request of this API instead of its first
   * request of any kind, e.g. `graphql` on `issue_write` fails the close/reopen after the REST PATCH applied.
   */
  api?: 'rest' | 'graphql';
}

export interface FaultRuleView extends FaultRule {
  id: string;
  /** Matching calls seen so far. */
  seen: number;
  /** Calls this rule affected so far. */
  applied: number;
}

/** What a tool call has to suffer (`error`/`rate_limit` are injected at its first GitHub call). */
export interface ActiveFault {
  mode: Exclude<FaultMode, 'latency'>;
  message?: string;
  status?: number;
  resetInSeconds: number;
  api?: 'rest' | 'graphql';
}

export interface FaultDecision {
  latencyMs: number;
  fault?: ActiveFault;
}

export const FAULT_MODES: readonly FaultMode[] = ['error', 'rate_limit', 'latency', 'drop', 'http_500'];
export const DEFAULT_RESET_SECONDS = 245;

export class FaultController {
  private rules: FaultRuleView[] = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const id = `fault-${this.nextId++}`;
    this.rules.push({ ...rule, id, seen: 0, applied: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRuleView[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Decides (and counts) the faults for one call of `tool`. */
  decide(tool: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const rule of this.rules) {
      if (rule.tool !== undefined && rule.tool !== '*' && rule.tool !== tool) continue;
      rule.seen++;
      if (rule.seen <= (rule.afterCalls ?? 0)) continue;
      if (rule.count !== undefined && rule.applied >= rule.count) continue;
      if (rule.mode === 'latency') {
        rule.applied++;
        decision.latencyMs += rule.latencyMs ?? 0;
        continue;
      }
      if (decision.fault) continue;
      rule.applied++;
      decision.fault = {
        mode: rule.mode,
        message: rule.message,
        status: rule.status,
        resetInSeconds: rule.resetInSeconds ?? DEFAULT_RESET_SECONDS,
        ...(rule.api ? { api: rule.api } : {}),
      };
    }
    return decision;
  }
}

/** Validates an untrusted rule (admin API); returns an error message or the rule. */
export function parseFaultRule(input: unknown): FaultRule | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'fault rule must be an object';
  const raw = input as Record<string, unknown>;
  const mode = raw['mode'];
  if (typeof mode !== 'string' || !FAULT_MODES.includes(mode as FaultMode)) {
    return `mode must be one of ${FAULT_MODES.join(', ')}`;
  }
  const rule: FaultRule = { mode: mode as FaultMode };
  if (raw['tool'] !== undefined) {
    if (typeof raw['tool'] !== 'string' || raw['tool'] === '') return 'tool must be a non-empty string';
    rule.tool = raw['tool'];
  }
  for (const key of ['afterCalls', 'count', 'latencyMs', 'resetInSeconds', 'status'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      return `${key} must be a non-negative integer`;
    rule[key] = value;
  }
  if (raw['api'] !== undefined) {
    if (raw['api'] !== 'rest' && raw['api'] !== 'graphql') return 'api must be rest or graphql';
    rule.api = raw['api'];
  }
  if (raw['message'] !== undefined) {
    if (typeof raw['message'] !== 'string') return 'message must be a string';
    rule.message = raw['message'];
  }
  return rule;
}
