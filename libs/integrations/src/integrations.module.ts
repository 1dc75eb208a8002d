import { Module } from '@nestjs/common';
import { GitHubConnectionService } from './github-connection.service.js';

/** Needs DbModule, SecretsModule and GitHubMcpModule. */
@Module({ providers: [GitHubConnectionService], exports: [GitHubConnectionService] })
export class IntegrationsModule {}
