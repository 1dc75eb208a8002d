import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { ErrorNotice, FormErrorNotice, fieldError } from '../components/ErrorNotice';
import { Field, TextField } from '../components/Field';
import { when } from '../components/format';

const STATES = ['backlog', 'unstarted', 'started', 'done', 'cancelled'] as const;
type State = (typeof STATES)[number];

/** One issue with its comments and the edits the API allows (open to every member). */
export function IssueDetail() {
  const slug = useSlug();
  const { projectId = '', issueId = '' } = useParams();
  const client = useQueryClient();
  const key = ['issue', slug, projectId, issueId];
  const issue = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}', {
          params: { path: { slug, projectId, issueId } },
        }),
      ),
  });
  const [draft, setDraft] = useState<{ title: string; state: State; labels: string } | null>(null);
  const [comment, setComment] = useState('');
  const save = useMutation({
    mutationFn: (body: { title: string; state: State; labels: string[] }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}', {
          params: { path: { slug, projectId, issueId } },
          body,
        }),
      ),
    onSuccess: async () => {
      setDraft(null);
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const addComment = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}/comments', {
          params: { path: { slug, projectId, issueId } },
          body: { body: comment },
        }),
      ),
    onSuccess: async () => {
      setComment('');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  if (issue.isError) return <ErrorNotice error={issue.error} />;
  if (!issue.data) return <p className="loading">Loading…</p>;
  const i = issue.data;
  const edit = draft ?? { title: i.title, state: i.state as State, labels: i.labels.join(', ') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      title: edit.title,
      state: edit.state,
      labels: edit.labels
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    });
  };
  const submitComment = (event: FormEvent) => {
    event.preventDefault();
    addComment.mutate();
  };
  return (
    <section aria-labelledby="issue-title">
      <p>
        <Link to={`/issues?project=${projectId}`}>← Issues</Link>
      </p>
      <h1 id="issue-title">{i.title}</h1>
      <p>
        {i.state} · milestone {i.milestone ?? 'none'} ·{' '}
        {i.github ? (
          <a href={i.github.url} target="_blank" rel="noreferrer noopener">
            {i.github.repository}#{i.github.number}
          </a>
        ) : (
          'not on GitHub'
        )}
        {i.github_outbound.pending_fields.length
          ? ` · owed to GitHub: ${i.github_outbound.pending_fields.join(', ')}`
          : ''}
      </p>
      {i.github_outbound.warnings.length ? (
        <ul className="notice notice-warn">
          {i.github_outbound.warnings.map((w, n) => (
            <li key={n}>{String((w as { message?: unknown }).message ?? JSON.stringify(w))}</li>
          ))}
        </ul>
      ) : null}
      <div className="markdown">
        <pre>{i.description || '(no description)'}</pre>
      </div>
      <form onSubmit={submit} className="panel" aria-label="Edit issue">
        <h2>Edit</h2>
        <TextField
          label="Title"
          error={fieldError(save.error, 'title')}
          value={edit.title}
          onChange={(title) => setDraft({ ...edit, title })}
        />
        <Field label="State" error={fieldError(save.error, 'state')}>
          {({ id, describedBy }) => (
            <select
              id={id}
              value={edit.state}
              aria-describedby={describedBy}
              onChange={(e) => setDraft({ ...edit, state: e.target.value as State })}
            >
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Labels"
          hint="Comma-separated"
          error={fieldError(save.error, 'labels')}
          value={edit.labels}
          onChange={(labels) => setDraft({ ...edit, labels })}
        />
        <FormErrorNotice error={save.error} fields={['title', 'state', 'labels']} />
        {save.isSuccess ? (
          <p role="status" className="notice notice-ok">
            Saved.
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
      </form>
      <h2>Comments ({i.comments.length})</h2>
      <ol className="comments">
        {i.comments.map((c) => (
          <li key={c.id}>
            <p className="meta">
              {c.author_login ?? 'someone'} · {when(c.created_at)}
              {c.github_comment_id ? '' : ' · not on GitHub yet'}
            </p>
            <pre>{c.body}</pre>
          </li>
        ))}
      </ol>
      <form onSubmit={submitComment} aria-label="Add a comment">
        <Field label="New comment" error={fieldError(addComment.error, 'body')}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={4}
              value={comment}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <FormErrorNotice error={addComment.error} fields={['body']} />
        <button type="submit" disabled={addComment.isPending}>
          Comment
        </button>
      </form>
    </section>
  );
}
