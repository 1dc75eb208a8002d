const CLASSES: Record<string, string> = {
  completed: 'badge-ok',
  failed: 'badge-bad',
  running: 'badge-run',
  queued: 'badge-off',
};

export function JobStatus({ status }: { status: string }) {
  return <span className={`badge ${CLASSES[status] ?? 'badge-off'}`}>{status}</span>;
}
