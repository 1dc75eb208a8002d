export { GitHubConnectionService } from './github-connection.service.js';
export { IntegrationsModule } from './integrations.module.js';
