export { CleanupOldJobsHandler } from './cleanup-old-jobs.handler.js';
export { MaintenanceModule } from './maintenance.module.js';
