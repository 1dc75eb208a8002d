import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

/** The BullMQ workers of this process (one per registered processor), found through Nest's discovery. */
@Injectable()
export class ProcessorWorkers {
  constructor(private readonly discovery: DiscoveryService) {}

  list(): Worker[] {
    const workers: Worker[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      try {
        workers.push(instance.worker);
      } catch {
        // not initialised (the application is still starting)
      }
    }
    return workers;
  }
}
