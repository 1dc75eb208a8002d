/**
 * CLI: `node dist/apps/github-sim/src/main.js --port 4010 --seed 42 --repos acme/web:1000:3000:50`
 * (`--repos` is repeatable; env fallbacks SIM_PORT, SIM_SEED, SIM_HOST, SIM_REPOS).
 */
import { parseCli } from './cli-args.js';
import { DEFAULT_SIM_TOKEN, startSimulator } from './simulator.js';

const USAGE =
  'usage: github-sim [--port 4010] [--host 127.0.0.1] [--seed 42] [--repos owner/name:issues:comments:prs]... [--webhook-url URL --webhook-secret SECRET] [--text-encoding escaped|plain|plain-angles] [--structured-content off|both|only] [--update-issue-comment]';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    const message = (err as Error).message;
    console.error(message === 'usage' ? USAGE : `github-sim: ${message}\n${USAGE}`);
    process.exit(message === 'usage' ? 0 : 2);
  }
  const started = Date.now();
  const sim = await startSimulator(options);
  const summary = sim.store
    .allRepos()
    .map((s) => `${s.fullName} (${s.items.size} issues+PRs, ${s.comments.size} comments)`)
    .join(', ');
  console.log(
    `github-sim listening on ${sim.url} (seed ${options.seed}, ready in ${Date.now() - started} ms)`,
  );
  console.log(`  MCP endpoint: ${sim.mcpUrl}`);
  console.log(`  admin API:    ${sim.url}/_admin/stats`);
  console.log(`  token:        ${DEFAULT_SIM_TOKEN} (octocat)`);
  console.log(`  repositories: ${summary || 'none'}`);
  console.log(
    `  plays:        text ${sim.profile.textEncoding}, structured content ${sim.profile.structuredContent}, update_issue_comment ${sim.profile.updateIssueComment ? 'on' : 'off'}`,
  );
  const search = sim.store.search.current;
  console.log(
    `  search:       ${search.perMinute} a minute, first ${search.maxResults} results, index lag ${search.lagMs} ms`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`github-sim: ${signal}, shutting down`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main().catch((err: unknown) => {
  console.error('github-sim failed to start:', err);
  process.exit(1);
});
