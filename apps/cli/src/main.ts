import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '#libs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { parseSyncDirection } from '#libs/issues';
import { AppLogger, LoggingModule } from '#libs/logging';
import { AdminCommands } from './admin-commands.js';
import { CliModule } from './cli.module.js';

const USAGE = `usage: npm run cli -- <command> [options]
  create-workspace --slug S --name N
  add-user        --workspace S --email E --name N [--role admin|member]
  create-token    --workspace S --email E [--name N]           (prints the token once; E must be a member)
  create-signin-link --workspace S --email E                     (single-use console sign-in URL, 10 minutes)
  list-tokens     --workspace S                                 (never shows tokens: prefix, user, last use)
  revoke-token    --workspace S --token TOKEN_ID_OR_PREFIX
  create-project  --workspace S --name N --identifier ID
  connect-token   --workspace S                                 (GitHub token from GITHUB_TOKEN)
  connect-installation --workspace S --installation ID [--account LOGIN]   (GitHub App installation)
  disconnect      --workspace S                                 (stops syncs, deletes stored GitHub tokens)
  connect-repo    --workspace S --repo owner/name --project PROJECT_ID [--direction from_github|to_github|bidirectional]
  reencrypt-secrets                                             (after a key change: rewrites stored secrets
                                                                 under ENCRYPTION_KEY, bound to their row)`;

const options = {
  slug: { type: 'string' },
  name: { type: 'string' },
  workspace: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string', default: 'member' },
  identifier: { type: 'string' },
  repo: { type: 'string' },
  project: { type: 'string' },
  direction: { type: 'string' },
  token: { type: 'string' },
  installation: { type: 'string' },
  account: { type: 'string' },
} as const;

function need(values: Record<string, string | undefined>, ...names: string[]): string[] {
  const missing = names.filter((n) => !values[n]);
  if (missing.length > 0) throw new Error(`missing --${missing.join(', --')}\n${USAGE}`);
  return names.map((n) => values[n] as string);
}

async function run(
  commands: AdminCommands,
  command: string | undefined,
  v: Record<string, string | undefined>,
) {
  switch (command) {
    case 'create-workspace':
      return commands.createWorkspace(...(need(v, 'slug', 'name') as [string, string]));
    case 'add-user': {
      const [workspace, email, name] = need(v, 'workspace', 'email', 'name') as [string, string, string];
      if (v.role !== 'admin' && v.role !== 'member') throw new Error('--role must be admin or member');
      return commands.addUser({ workspace, email, name, role: v.role });
    }
    case 'create-token': {
      const [workspace, email] = need(v, 'workspace', 'email') as [string, string];
      return commands.createToken({ workspace, email, name: v.name ?? 'cli' });
    }
    case 'create-signin-link': {
      const [workspace, email] = need(v, 'workspace', 'email') as [string, string];
      return commands.createSigninLink({ workspace, email });
    }
    case 'list-tokens': {
      const [workspace] = need(v, 'workspace') as [string];
      return commands.listTokens({ workspace });
    }
    case 'revoke-token': {
      const [workspace, token] = need(v, 'workspace', 'token') as [string, string];
      return commands.revokeToken({ workspace, token });
    }
    case 'connect-installation': {
      const [workspace, installation] = need(v, 'workspace', 'installation') as [string, string];
      if (!/^[1-9]\d{0,18}$/.test(installation))
        throw new Error('--installation must be a numeric installation id');
      return commands.connectInstallation({
        workspace,
        installationId: BigInt(installation),
        ...(v.account ? { accountLogin: v.account } : {}),
      });
    }
    case 'disconnect': {
      const [workspace] = need(v, 'workspace') as [string];
      return commands.disconnect({ workspace });
    }
    case 'create-project': {
      const [workspace, name, identifier] = need(v, 'workspace', 'name', 'identifier') as [
        string,
        string,
        string,
      ];
      return commands.createProject({ workspace, name, identifier });
    }
    case 'connect-token': {
      const [workspace] = need(v, 'workspace') as [string];
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new Error('set GITHUB_TOKEN to the token to connect (kept out of shell history)');
      return commands.connectToken({ workspace, token });
    }
    case 'connect-repo': {
      const [workspace, repository, projectId] = need(v, 'workspace', 'repo', 'project') as [
        string,
        string,
        string,
      ];
      const direction =
        v.direction === undefined ? undefined : parseSyncDirection(v.direction, '--direction');
      return commands.connectRepository({
        workspace,
        repository,
        projectId,
        ...(direction ? { direction } : {}),
      });
    }
    case 'reencrypt-secrets': {
      const report = await commands.reencryptSecrets();
      // Secrets that do not open are left for their owners to reconnect; a script should notice them.
      if (report.unreadable.length > 0) process.exitCode = 1;
      return report;
    }
    default:
      throw new Error(USAGE);
  }
}

@Module({})
class CliRootModule {}

const { positionals, values } = parseArgs({ options, allowPositionals: true });
try {
  const config = configFromProcessEnv();
  // JSON logs on stderr (LOG_LEVEL); stdout carries only the command's result.
  const root = {
    module: CliRootModule,
    imports: [LoggingModule.forRoot(config, { service: 'cli', stream: 'stderr' }), CliModule.forRoot(config)],
  };
  const app = await NestFactory.createApplicationContext(root, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  try {
    console.log(JSON.stringify(await run(app.get(AdminCommands), positionals[0], values), null, 2));
  } finally {
    await app.close();
  }
} catch (error) {
  const known = error instanceof ConfigError || error instanceof DomainError || error instanceof Error;
  console.error(known ? (error as Error).message : String(error));
  process.exitCode = 1;
}
