export { GitHubMcpClientFactory } from './github-mcp-client.factory.js';
export { GitHubMcpClient } from './github-mcp-client.js';
export {
  GITHUB_MCP_OPTIONS,
  GitHubMcpModule,
  type GitHubMcpModuleAsyncOptions,
} from './github-mcp.module.js';
export type { GitHubMcpCallEvent, GitHubMcpOptions } from './options.js';
export {
  GitHubMcpError,
  McpInvalidRequestError,
  McpNotFoundError,
  McpProtocolError,
  McpRateLimitError,
  McpTransientError,
  McpUnauthorizedError,
  McpUnknownError,
  type GitHubMcpErrorKind,
  type TransientReason,
} from './errors/errors.js';
export type { ErrorClassification } from './errors/classification.js';
export { classifyGitHubMessage } from './errors/classify-message.js';
export { classifyThrown } from './errors/classify-thrown.js';
export { decodeHtmlEntities } from './text/html-entities.js';
export {
  FIRST_VERBATIM_RELEASE,
  TEXT_ENCODINGS,
  TEXT_ENCODING_SETTINGS,
  type TextEncoding,
  type TextEncodingSetting,
  encodingForServer,
} from './text/text-encoding.js';
export type * from './types.js';
