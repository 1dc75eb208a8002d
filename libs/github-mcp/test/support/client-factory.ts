import { GitHubMcpClientFactory, type GitHubMcpOptions } from '#libs/github-mcp';

/** A client factory on `serverUrl` as these tests use one: 5 s timeout, no retries, 1 ms retry delay. */
export function testClientFactory(
  serverUrl: string,
  overrides: Partial<GitHubMcpOptions> = {},
): GitHubMcpClientFactory {
  return new GitHubMcpClientFactory({
    serverUrl,
    timeoutMs: 5000,
    maxRetries: 0,
    retryDelayMs: 1,
    ...overrides,
  });
}
