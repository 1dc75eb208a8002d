/** Offline GitHub + GitHub MCP server simulator: programmatic API. */
export { DEFAULT_SIM_TOKEN, startSimulator } from './simulator.js';
export type { RunningSimulator, SimulatorOptions } from './simulator.js';
export { generateDataset } from './generator/dataset.js';
export type { GenerateOptions } from './generator/dataset.js';
export { DEFAULT_LOGIN, DEFAULT_USER_ID } from './generator/users.js';
export { SimStore } from './store/store.js';
export type { SimStoreOptions } from './store/store.js';
export type { RepoState } from './store/repo-state.js';
export type { IssueInput, IssuePatch } from './store/issue-mutations.js';
export { StoreError } from './store/errors.js';
export type { SimEvent, SimEventType, SimEventListener, SimEventChanges } from './store/events.js';
export type {
  Dataset,
  RepoData,
  RepoSpec,
  SimComment,
  SimIssue,
  SimLabel,
  SimMilestone,
  SimPullData,
  SimReaction,
  SimReactions,
  SimRepo,
  SimUser,
} from './store/types.js';
export { FaultController } from './faults/fault-controller.js';
export type { ActiveFault, FaultMode, FaultRule, FaultRuleView } from './faults/fault-controller.js';
export { CallStats } from './faults/call-stats.js';
export type { StatsSnapshot } from './faults/call-stats.js';
export { sanitize } from './sanitize/index.js';
export { SIM_TEXT_ENCODINGS, SNAPSHOT_PROFILE, serverVersion } from './mcp/profile.js';
export type { ServerProfile, SimStructuredContent, SimTextEncoding } from './mcp/profile.js';
export type { ProtocolHeaders } from './http/protocol-headers.js';
export { parseRepoSpec } from './cli-args.js';
export { DEFAULT_SEARCH_SETTINGS } from './search/search-settings.js';
export type { SearchSettings } from './search/search-settings.js';
export { WebhookDispatcher, customEvent, toOutgoingEvent } from './webhooks/index.js';
export type { DeliveryRecord, OutgoingEvent, WebhookHook, WebhookHookInput } from './webhooks/index.js';
