import { Logger } from '@nestjs/common';
import type { JobSnapshot, StreamClient } from './event-sink.js';
import { TERMINAL_JOB_STATUSES } from './sync-event-channel.js';

const logger = new Logger('SyncJobFeed');

/**
 * The clients streaming one job in this process. A change of the job is read once (one DB read per
 * message, whatever the number of clients) and sent to each client that has not seen that version.
 */
export class JobFeed {
  readonly clients = new Set<StreamClient>();
  /** Changes seen so far (a client joining compares it to know whether it missed one). */
  generation = 0;
  private loading = false;
  private again = false;

  constructor(
    readonly jobId: string,
    private readonly load: () => Promise<JobSnapshot>,
  ) {}

  onChange(jobId: string): void {
    if (jobId !== this.jobId) return;
    this.generation += 1;
    void this.refresh();
  }

  /** Reads the job and delivers it; a change arriving meanwhile triggers one more read. */
  async refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      do {
        this.again = false;
        const snapshot = await this.load();
        for (const client of [...this.clients]) deliverJob(client, snapshot, this.jobId);
      } while (this.again && this.clients.size > 0);
    } catch (error) {
      logger.warn(`could not read sync job ${this.jobId} for its streams: ${(error as Error).message}`);
    } finally {
      this.loading = false;
    }
  }
}

/** Sends the snapshot unless the client has that version already; a finished job ends the stream. */
export function deliverJob(client: StreamClient, snapshot: JobSnapshot, jobId: string): void {
  if (snapshot.version > client.lastVersion) {
    client.sink.event('job', snapshot.version, snapshot.data);
    client.lastVersion = snapshot.version;
  }
  if (TERMINAL_JOB_STATUSES.has(snapshot.status)) {
    client.sink.event('end', null, { job_id: jobId, status: snapshot.status });
    client.sink.end();
  }
}
