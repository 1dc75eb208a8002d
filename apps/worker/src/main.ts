import { Logger } from '@nestjs/common';
import { exitOnSignals } from '#libs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startWorker, stopWorker, workerUrl } from './bootstrap.js';
import { applyHeapGrowth } from './heap-growth.js';
import { JobObserver } from './ops/job-observer.js';

try {
  const config = configFromProcessEnv();
  applyHeapGrowth(config);
  const app = await startWorker(config);
  new Logger('Main').log(`worker started; health and metrics on ${workerUrl(app)}`);
  exitOnSignals({
    stop: () => stopWorker(app, config),
    onSecondSignal: () => app.get(JobObserver).handBack(),
    secondSignalAction: 'handing back running jobs and exiting',
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
