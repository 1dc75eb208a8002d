import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { JobStatus } from './JobStatus';

/** A column of a JobTable after "Job" and "Status". */
export interface JobColumn<J> {
  header: string;
  cell: (job: J) => ReactNode;
}

/** Sync jobs, one a row: the job (its short id, linking to its page), its status, then `columns`. */
export function JobTable<J extends { job_id: string; status: string }>(props: {
  jobs: readonly J[];
  columns: readonly JobColumn<J>[];
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          {props.columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr key={job.job_id}>
            <td>
              <Link to={`/sync/${job.job_id}`}>{job.job_id.slice(0, 8)}</Link>
            </td>
            <td>
              <JobStatus status={job.status} />
            </td>
            {props.columns.map((column) => (
              <td key={column.header}>{column.cell(job)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An "Items" cell: done of total, and how many failed when any did. */
export function itemCount(done: number, total: number, failed: number): string {
  return `${done} / ${total}${failed ? ` (${failed} failed)` : ''}`;
}
