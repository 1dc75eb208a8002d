export { ExclusiveLocks, type HeldLock } from './exclusive-lock.js';
export { JobQueue } from './job-queue.service.js';
export {
  type FailureRule,
  type JobOutcome,
  classifyFailure,
  isFinalAttempt,
  settleFailure,
} from './job-outcome.js';
export { type JobContext, type JobHandler, JobRegistry, PermanentJobError } from './job-registry.js';
export { isJobControlSignal } from './job-signals.js';
export {
  type AnyJob,
  JOB_QUEUE,
  JobName,
  type JobPayload,
  type JobPayloads,
  QueueName,
  isJobName,
  jobOptions,
} from './jobs.js';
export { QueueModule } from './queue.module.js';
