import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { ErrorNotice, fieldError } from '../components/ErrorNotice';
import { Field, TextField } from '../components/Field';
import { Pager } from '../components/Pager';
import { RepositoryForm } from './RepositoryForm';

const PER_PAGE = 20;

/** The admin's search of the repositories the connected identity reaches, each connectable once. */
export function RepositorySearch({ connected }: { connected: Set<string> }) {
  const slug = useSlug();
  const [draft, setDraft] = useState({ q: '', owner: '' });
  const [filter, setFilter] = useState({ q: '', owner: '' });
  const [page, setPage] = useState(1);
  const [connecting, setConnecting] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ['catalog', slug, filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/repositories', {
          params: {
            path: { slug },
            query: {
              page,
              per_page: PER_PAGE,
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.owner ? { owner: filter.owner } : {}),
            },
          },
        }),
      ),
    retry: false,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilter(draft);
  };
  return (
    <>
      <h2>Find a repository</h2>
      <form onSubmit={submit} className="inline" aria-label="Search repositories">
        <Field label="Name contains" error={fieldError(results.error, 'q')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="search"
              value={draft.q}
              aria-describedby={describedBy}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          )}
        </Field>
        <TextField
          label="Owner"
          hint="Defaults to the connected identity"
          error={fieldError(results.error, 'owner')}
          value={draft.owner}
          onChange={(owner) => setDraft({ ...draft, owner })}
        />
        <button type="submit">Search</button>
      </form>
      {results.isError && !fieldError(results.error, 'owner') && !fieldError(results.error, 'q') ? (
        <ErrorNotice error={results.error} />
      ) : null}
      {results.data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Repository</th>
                <th scope="col">Visibility</th>
                <th scope="col">Open issues</th>
                <th scope="col">
                  <span className="sr-only">Connect</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.data.results.map((r) => (
                <tr key={r.github_id}>
                  <th scope="row">{r.full_name}</th>
                  <td>{r.private ? 'private' : 'public'}</td>
                  <td>{r.open_issues_count}</td>
                  <td>
                    {connected.has(r.full_name) ? (
                      'connected'
                    ) : (
                      <button type="button" onClick={() => setConnecting(r.full_name)}>
                        Connect<span className="sr-only"> {r.full_name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={page}
            perPage={PER_PAGE}
            total={results.data.total}
            onPage={setPage}
            label="Repositories"
          />
        </>
      ) : null}
      {connecting ? (
        <RepositoryForm repository={connecting} mode="connect" onDone={() => setConnecting(null)} />
      ) : null}
    </>
  );
}
