import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '#libs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { AdminCommands } from './admin-commands.js';
import { CliModule } from './cli.module.js';

const USAGE = `usage: npm run cli -- <command> [options]
  create-workspace --slug S --name N
  add-user        --workspace S --email E --name N [--role admin|member]
  create-token    --workspace S --email E [--name N]           (prints the token once)
  create-project  --workspace S --name N --identifier ID
  connect-token   --workspace S                                 (GitHub token from GITHUB_TOKEN)
  connect-repo    --workspace S --repo owner/name --project PROJECT_ID [--direction from_github]`;

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
      const direction = v.direction as 'from_github' | 'to_github' | 'bidirectional' | undefined;
      return commands.connectRepository({
        workspace,
        repository,
        projectId,
        ...(direction ? { direction } : {}),
      });
    }
    default:
      throw new Error(USAGE);
  }
}

const { positionals, values } = parseArgs({ options, allowPositionals: true });
try {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(configFromProcessEnv()), {
    logger: ['error'],
  });
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
