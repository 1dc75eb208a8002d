import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * Prisma's driver adapter with each transaction's statements sent one at a time.
 *
 * A transaction holds one pg connection. Prisma's query interpreter loads the relations of an `include`
 * (`join` nodes) and the parts of `concat`/`sum` nodes with `Promise.all`; on the pool each goes to its own
 * connection, but inside a transaction @prisma/adapter-pg 7.10 (`PgTransaction.performIO`) hands them all
 * to that one connection's `client.query()` at once. pg queues them, and from the third on warns
 * "Calling client.query() when the client is already executing a query is deprecated and will be removed
 * in pg@9.0" — pg 9 rejects them instead. IssueEditRepository.updateIssue, reading an issue with its labels,
 * assignees and GitHub link inside its transaction, is one such query (prisma/orm issue #29407; the fix
 * upstream, still open, serialises the same way in the adapter).
 *
 * The connection runs one statement at a time anyway, so waiting here costs nothing: a statement starts
 * when the previous one has answered, in the order they were issued. Statements outside transactions stay
 * on the pool, in parallel.
 */
export function withSerialTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialTransactionsOf(await factory.connect()),
  };
}

function serialTransactionsOf(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const info = adapter.getConnectionInfo?.bind(adapter);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (level?: IsolationLevel) => serialised(await adapter.startTransaction(level)),
    ...(info ? { getConnectionInfo: info } : {}),
    dispose: () => adapter.dispose(),
  };
}

/** The transaction with every call (statements, savepoints, commit, rollback) waiting for the one before. */
function serialised(tx: Transaction): Transaction {
  const inTurn = turns();
  const serial: Transaction = {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => inTurn(() => tx.queryRaw(query)),
    executeRaw: (query) => inTurn(() => tx.executeRaw(query)),
    commit: () => inTurn(() => tx.commit()),
    rollback: () => inTurn(() => tx.rollback()),
  };
  for (const key of ['createSavepoint', 'rollbackToSavepoint', 'releaseSavepoint'] as const) {
    const call = tx[key]?.bind(tx);
    if (call) serial[key] = (name: string) => inTurn(() => call(name));
  }
  return serial;
}

/** Runs the tasks given to it one after another, in order; a failed task does not hold up the next. */
function turns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
