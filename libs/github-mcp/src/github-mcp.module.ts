import {
  type DynamicModule,
  Inject,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GitHubMcpClientFactory } from './github-mcp-client.factory.js';
import type { GitHubMcpOptions } from './options.js';

export const GITHUB_MCP_OPTIONS = Symbol('GITHUB_MCP_OPTIONS');

export interface GitHubMcpModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  useFactory: (...args: never[]) => GitHubMcpOptions | Promise<GitHubMcpOptions>;
}

const factoryProvider = {
  provide: GitHubMcpClientFactory,
  inject: [GITHUB_MCP_OPTIONS],
  useFactory: (options: GitHubMcpOptions) => new GitHubMcpClientFactory(options),
};

/** Provides `GitHubMcpClientFactory` globally and closes its connections on application shutdown. */
@Module({})
export class GitHubMcpModule implements OnApplicationShutdown {
  constructor(@Inject(GitHubMcpClientFactory) private readonly factory: GitHubMcpClientFactory) {}

  static forRoot(options: GitHubMcpOptions): DynamicModule {
    return {
      module: GitHubMcpModule,
      global: true,
      providers: [{ provide: GITHUB_MCP_OPTIONS, useValue: options }, factoryProvider],
      exports: [GitHubMcpClientFactory],
    };
  }

  static forRootAsync(options: GitHubMcpModuleAsyncOptions): DynamicModule {
    return {
      module: GitHubMcpModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: GITHUB_MCP_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        factoryProvider,
      ],
      exports: [GitHubMcpClientFactory],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.factory.closeAll();
  }
}
