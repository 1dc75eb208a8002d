import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterSelect } from '../components/FilterSelect';
import { Pager } from '../components/Pager';
import { useUrlFilters } from '../hooks/use-url-filters';

const PER_PAGE = 50;
const STATES = ['backlog', 'unstarted', 'started', 'done', 'cancelled'] as const;

/** A project's issues with state, milestone, labels, assignees and the GitHub link. */
export function Issues() {
  const slug = useSlug();
  const { params, page, set, oneOf } = useUrlFilters();
  const projects = useQuery({
    queryKey: ['projects', slug],
    queryFn: () => unwrap(api.GET('/api/workspaces/{slug}/projects', { params: { path: { slug } } })),
  });
  const projectId = params.get('project') ?? projects.data?.results[0]?.id ?? '';
  const state = oneOf('state', STATES);
  const issues = useQuery({
    queryKey: ['issues', slug, projectId, state, page],
    enabled: projectId !== '',
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/projects/{projectId}/issues', {
          params: {
            path: { slug, projectId },
            query: { page, per_page: PER_PAGE, ...(state ? { state } : {}) },
          },
        }),
      ),
  });
  return (
    <section aria-labelledby="issues-title">
      <h1 id="issues-title">Issues</h1>
      <form className="inline" aria-label="Filter issues" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label="Project"
          required
          value={projectId}
          options={(projects.data?.results ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${p.identifier})`,
          }))}
          onChange={(value) => set('project', value)}
        />
        <FilterSelect
          label="State"
          value={state}
          options={STATES}
          onChange={(value) => set('state', value)}
        />
      </form>
      {projects.data?.results.length === 0 ? <p>No project yet: connect a repository to one.</p> : null}
      {issues.isError ? <ErrorNotice error={issues.error} /> : null}
      {issues.data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">State</th>
                <th scope="col">Milestone</th>
                <th scope="col">Labels</th>
                <th scope="col">Assignees</th>
                <th scope="col">GitHub</th>
              </tr>
            </thead>
            <tbody>
              {issues.data.results.map((issue) => (
                <tr key={issue.id}>
                  <td>{issue.sequence_id}</td>
                  <th scope="row">
                    <Link to={`/issues/${projectId}/${issue.id}`}>{issue.title}</Link>
                  </th>
                  <td>{issue.state}</td>
                  <td>{issue.milestone ?? '—'}</td>
                  <td>
                    {issue.labels.map((l) => (
                      <span key={l} className="label">
                        {l}
                      </span>
                    ))}
                  </td>
                  <td>{issue.assignees.map((a) => a.github_login).join(', ')}</td>
                  <td>
                    {issue.github ? (
                      <a href={issue.github.url} rel="noreferrer noopener" target="_blank">
                        {issue.github.repository}#{issue.github.number}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            perPage={PER_PAGE}
            total={issues.data.total}
            onPage={(p) => set('page', String(p))}
            label="Issues"
          />
        </>
      ) : null}
    </section>
  );
}
