import { JobName, JobRegistry } from '#libs/queue';
import { SyncRepositoryHandler } from '#libs/sync';

/** Wires every job name to its domain handler; start-up fails if one is missing. */
export const jobRegistryProvider = {
  provide: JobRegistry,
  inject: [SyncRepositoryHandler],
  useFactory: (syncRepository: SyncRepositoryHandler) => {
    const registry = new JobRegistry();
    registry.register(JobName.SyncRepository, (payload, context) => syncRepository.handle(payload, context));
    registry.assertComplete();
    return registry;
  },
};
