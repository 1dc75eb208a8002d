export { GitHubBudgetModule, TokenBudgets } from './github-budget.module.js';
export { type LimitDecision, type RateLimitOptions, TokenRateLimiter } from './token-rate-limiter.js';
export { tokenKey } from './token-key.js';
export { type GateOptions, type GateResult, WriteGate } from './write-gate.js';
