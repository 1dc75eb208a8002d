import 'reflect-metadata';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { compareAll, quiesce, redeliverUnacked, tallyDeliveries, unprocessed } from './faults/checks.js';
import { faultList, recoveryTime } from './faults/injections.js';
import { SteadyLoad } from './faults/load.js';
import { BIG, type FaultSystem, HOOKS, TWO, repositorySyncId, startFaultSystem } from './faults/system.js';
import { machine } from './support.js';

/**
 * `npm run bench:faults [-- RATE ISSUES HOLD_S]`: the whole system (API and worker processes from dist/,
 * Postgres and Redis started here, the simulator) under steady load — signed deliveries at RATE/s, a full
 * sync of an ISSUES-issue repository over and over, local edits on a bidirectional repository, status polls —
 * while faults are injected in turn, each for HOLD_S seconds (faults/injections.ts). Then it quiesces and
 * checks the database against the simulator. Defaults 100 3000 5 (the issue's figures: 200 10000 5).
 */
const RATE = Number(process.argv[2] ?? 100);
const ISSUES = Number(process.argv[3] ?? 3000);
const HOLD_S = Number(process.argv[4] ?? 5);
const GAP_S = 5;
const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));

interface Row {
  name: string;
  what: string;
  heldS: number;
  recoveryS: number;
  failedDeliveries: number;
}

await runMain(async () => {
  const sys = await startFaultSystem({ issues: ISSUES, comments: ISSUES * 3 });
  const ids = {
    hooks: await repositorySyncId(sys.db, HOOKS),
    big: await repositorySyncId(sys.db, BIG),
    two: await repositorySyncId(sys.db, TWO),
  };
  step('waiting for the first syncs of bench/hooks and bench/two (bench/big keeps syncing)');
  await until(async () => {
    const { rows } = await sys.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM github_sync_jobs WHERE repository_sync_id = ANY($1) AND status = 'completed'`,
      [[ids.hooks, ids.two]],
    );
    return rows[0]?.n === 2;
  });
  const { rows: two } = await sys.db.query<{ id: string }>(
    'SELECT id FROM issues WHERE project_id = $1 ORDER BY sequence_id',
    [sys.projects.two],
  );
  const written = new Map<string, number>();
  sys.sim.store.onEvent((event) => {
    if (event.type !== 'issue.edited' || !event.changes?.title || event.repo.full_name !== 'bench/two')
      return;
    const title = event.issue?.title ?? '';
    written.set(title, (written.get(title) ?? 0) + 1);
  });
  const load = new SteadyLoad(
    sys,
    RATE,
    two.map((r) => r.id),
  );
  const progress = async () => {
    const { rows } = await sys.db
      .query<{ p: number }>(
        `SELECT coalesce(sum(items_synced), 0)::int + count(*) FILTER (WHERE status = 'completed')::int AS p
         FROM github_sync_jobs WHERE repository_sync_id = $1`,
        [ids.big],
      )
      .catch(() => ({ rows: [] }));
    return rows[0]?.p;
  };
  let driving = true;
  const driver = driveFullSyncs(sys, ids.big, load, () => driving);
  step(
    `steady load: ${RATE} deliveries/s, local edits 1/s, status polls 1/s, full syncs of ${ISSUES} issues`,
  );
  load.start();
  await sleep(GAP_S);

  const rows: Row[] = [];
  for (const fault of faultList({ pauseS: Math.max(HOLD_S, 8) })) {
    step(`fault ${fault.name}: ${fault.what}`);
    const from = Date.now();
    await fault.inject(sys);
    await sleep(fault.holdS ?? HOLD_S);
    await fault.clear(sys);
    const heldS = (Date.now() - from) / 1000;
    const recoveryS = await recoveryTime(sys, fault.name, progress);
    const to = Date.now();
    const failedDeliveries = sys.hooks.deliveries().filter((d) => {
      const at = d.deliveredAt ? Date.parse(d.deliveredAt) : NaN;
      return at >= from && at <= to && !(d.statusCode !== null && d.statusCode < 300);
    }).length;
    step(
      `  held ${heldS.toFixed(1)} s, recovered ${recoveryS.toFixed(1)} s after; ${failedDeliveries} deliveries not 2xx`,
    );
    rows.push({ name: fault.name, what: fault.what, heldS, recoveryS, failedDeliveries });
    await sleep(GAP_S);
  }

  step('stopping the load and quiescing');
  await load.stop();
  driving = false;
  await driver;
  await quiesce(sys, 180);
  const tally = tallyDeliveries(sys.hooks.deliveries());
  const unackedRows = await unprocessed(sys.db, tally.unacked);
  step(
    `${tally.unacked.length} deliveries never acknowledged: ${unackedRows.missing} absent; the sender redelivers them`,
  );
  const redeliveredOk = await redeliverUnacked(sys, tally.unacked);
  const left = await quiesce(sys, 180);
  const all = tallyDeliveries(sys.hooks.deliveries());
  const ackedGuids = [...new Set(sys.hooks.deliveries().map((d) => d.guid))];
  const rowsCheck = await unprocessed(sys.db, ackedGuids);
  const compare = await compareAll(sys);
  const { rows: bigJobs } = await sys.db.query<{ status: string; n: number }>(
    `SELECT status::text, count(*)::int AS n FROM github_sync_jobs WHERE repository_sync_id = $1 GROUP BY 1`,
    [ids.big],
  );
  const { rows: failedBig } = await sys.db.query<{ error_message: string }>(
    `SELECT error_message FROM github_sync_jobs WHERE repository_sync_id = $1 AND status = 'failed'`,
    [ids.big],
  );
  for (const job of failedBig) step(`a full sync of bench/big failed: ${job.error_message}`);
  const { rows: lastBig } = await sys.db.query<{ status: string }>(
    `SELECT status::text FROM github_sync_jobs WHERE repository_sync_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [ids.big],
  );
  const outboundDoubled = [...written.entries()].filter(([t, n]) => t.startsWith('Local edit') && n > 1);

  const lost =
    rowsCheck.missing +
    rowsCheck.notDone +
    (tally.unacked.length - redeliveredOk) +
    compare.hooks.missing +
    compare.hooks.stale +
    compare.hooks.commentsMissing +
    compare.hooks.commentsStale +
    compare.two.stale;
  const doubled = compare.hooks.extra + compare.hooks.commentsDoubled + compare.two.extra;
  const big = compare.big;
  const syncMismatch =
    big.missing +
    big.extra +
    big.stale +
    big.commentsMissing +
    big.commentsDoubled +
    (lastBig[0]?.status === 'completed' ? 0 : 1);
  const notRecovered = rows.filter((r) => Number.isNaN(r.recoveryS)).length;
  const stuck = Object.values(left).reduce((a, b) => a + b, 0) + notRecovered;
  const recoveryMax = Math.max(...rows.map((r) => (Number.isNaN(r.recoveryS) ? Infinity : r.recoveryS)));

  console.log(`machine: ${machine()}`);
  const loadS = (load.record.stoppedAt - load.record.startedAt) / 1000;
  const made = Object.values(load.record.made).reduce((a, b) => a + b, 0);
  console.log(
    `sustained: ${(made / loadS).toFixed(1)} changes/s of ${RATE} over ${loadS.toFixed(0)} s ` +
      `(ticks dropped, bench process behind: ${JSON.stringify(load.record.skipped)})`,
  );
  console.log(
    `load: ${RATE} changes/s on GitHub (${JSON.stringify(load.record.made)}); local edits ${load.record.localTitles.size} ` +
      `answered 2xx, ${load.record.localFailed} not; status polls ${load.record.statusPolls.ok} ok, ${load.record.statusPolls.failed} failed`,
  );
  console.log(
    `full syncs of bench/big (${ISSUES} issues, ${ISSUES * 3} comments): ${JSON.stringify(bigJobs)}`,
  );
  console.log('| fault | held s | recovery s | deliveries not 2xx | what |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.heldS.toFixed(1)} | ${r.recoveryS.toFixed(1)} | ${r.failedDeliveries} | ${r.what} |`,
    );
  }
  console.log(
    `deliveries: ${all.sent} sent, ${tally.acked} acknowledged during the run, ${tally.unacked.length} not ` +
      `(${unackedRows.missing} of them never stored), ${redeliveredOk} of those acknowledged on redelivery`,
  );
  console.log(
    `rows of acknowledged deliveries: ${rowsCheck.missing} missing, ${rowsCheck.notDone} not processed`,
  );
  console.log(`workspace vs simulator: ${JSON.stringify(compare)}`);
  console.log(`outbound titles written more than once: ${JSON.stringify(outboundDoubled.slice(0, 5))}`);
  console.log(`outstanding after quiescing: ${JSON.stringify(left)}`);
  console.log(
    `faults=${rows.length} acked=${tally.acked} lost=${lost} doubled=${doubled} sync_mismatch=${syncMismatch} ` +
      `outbound_doubled=${outboundDoubled.length} stuck=${stuck} recovery_s_max=${recoveryMax.toFixed(1)}`,
  );
  return 0;
});

/** Keeps a full sync of bench/big running: asks for the next one whenever the last one ended. */
async function driveFullSyncs(sys: FaultSystem, bigId: string, load: SteadyLoad, driving: () => boolean) {
  while (driving()) {
    const { rows } = await sys.db
      .query<{ status: string }>(
        'SELECT status::text FROM github_sync_jobs WHERE repository_sync_id = $1 ORDER BY created_at DESC LIMIT 1',
        [bigId],
      )
      .catch(() => ({ rows: [{ status: 'unknown' }] }));
    const status = rows[0]?.status;
    if (status === 'completed' || status === 'failed') await load.nextFullSync();
    await sleep(1);
  }
}

async function until(probe: () => Promise<boolean>, timeoutS = 300): Promise<void> {
  const deadline = Date.now() + timeoutS * 1000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(0.2);
  }
}
