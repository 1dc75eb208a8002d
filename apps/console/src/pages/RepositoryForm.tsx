import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { FormErrorNotice, fieldError } from '../components/ErrorNotice';
import { Field, TextField } from '../components/Field';

export interface RepositorySettings {
  direction: 'from_github' | 'to_github' | 'bidirectional';
  sync_interval_seconds: number;
  label_filter: string[];
  state_mapping: { open: 'backlog' | 'unstarted' | 'started' };
  include_comments: boolean;
  include_pull_requests: boolean;
}

const FIELDS = [
  'project_id',
  'direction',
  'sync_interval_seconds',
  'label_filter',
  'state_mapping',
  'include_comments',
  'include_pull_requests',
];

/** Connect a repository (`mode: connect`) or change an existing mapping (`mode: configure`). */
export function RepositoryForm(props: {
  repository: string;
  mode: 'connect' | 'configure';
  initial?: Partial<RepositorySettings> & { project_id?: string };
  onDone: () => void;
}) {
  const slug = useSlug();
  const client = useQueryClient();
  const projects = useQuery({
    queryKey: ['projects', slug],
    queryFn: () => unwrap(api.GET('/api/workspaces/{slug}/projects', { params: { path: { slug } } })),
  });
  const [projectId, setProjectId] = useState(props.initial?.project_id ?? '');
  const [newProject, setNewProject] = useState({ name: '', identifier: '' });
  const [direction, setDirection] = useState<RepositorySettings['direction']>(
    props.initial?.direction ?? 'from_github',
  );
  const [interval, setIntervalSeconds] = useState(String(props.initial?.sync_interval_seconds ?? 300));
  const [labels, setLabels] = useState((props.initial?.label_filter ?? []).join(', '));
  const [openState, setOpenState] = useState(props.initial?.state_mapping?.open ?? 'unstarted');
  const [comments, setComments] = useState(props.initial?.include_comments ?? true);
  const [pulls, setPulls] = useState(props.initial?.include_pull_requests ?? false);

  const createProject = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/workspaces/{slug}/projects', { params: { path: { slug } }, body: newProject })),
    onSuccess: async (project) => {
      setProjectId(project.id);
      setNewProject({ name: '', identifier: '' });
      await client.invalidateQueries({ queryKey: ['projects', slug] });
    },
  });
  const settings = () => ({
    repository: props.repository,
    direction,
    sync_interval_seconds: Number(interval),
    label_filter: labels
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    state_mapping: { open: openState },
    include_comments: comments,
    include_pull_requests: pulls,
  });
  const save = useMutation({
    mutationFn: async (): Promise<void> => {
      if (props.mode === 'connect') {
        await unwrap(
          api.POST('/api/workspaces/{slug}/integrations/github-mcp/connect', {
            params: { path: { slug } },
            body: { ...settings(), project_id: projectId },
          }),
        );
      } else {
        await unwrap(
          api.PATCH('/api/workspaces/{slug}/integrations/github-mcp/configure', {
            params: { path: { slug } },
            body: { ...settings(), ...(projectId ? { project_id: projectId } : {}) },
          }),
        );
      }
    },
    onSuccess: async () => {
      await client.invalidateQueries();
      props.onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form
      onSubmit={submit}
      className="panel"
      aria-label={`${props.mode === 'connect' ? 'Connect' : 'Settings of'} ${props.repository}`}
    >
      <h3>{props.mode === 'connect' ? `Connect ${props.repository}` : `Settings of ${props.repository}`}</h3>
      <Field label="Project" error={fieldError(save.error, 'project_id')}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={projectId}
            required={props.mode === 'connect'}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => setProjectId(e.target.value)}
          >
            <option value="">Choose a project…</option>
            {(projects.data?.results ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.identifier})
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="inline">
        <legend>Or create a project</legend>
        <TextField
          label="Project name"
          error={fieldError(createProject.error, 'name')}
          value={newProject.name}
          onChange={(name) => setNewProject({ ...newProject, name })}
        />
        <TextField
          label="Identifier"
          hint="1–10 capital letters or digits, e.g. WEB"
          error={fieldError(createProject.error, 'identifier')}
          value={newProject.identifier}
          onChange={(identifier) => setNewProject({ ...newProject, identifier })}
        />
        <FormErrorNotice error={createProject.error} fields={['name', 'identifier']} />
        <button type="button" disabled={createProject.isPending} onClick={() => createProject.mutate()}>
          Create project
        </button>
      </fieldset>
      <Field label="Direction" error={fieldError(save.error, 'direction')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={direction}
            aria-describedby={describedBy}
            onChange={(e) => setDirection(e.target.value as RepositorySettings['direction'])}
          >
            <option value="from_github">From GitHub (read only)</option>
            <option value="to_github">To GitHub</option>
            <option value="bidirectional">Both ways</option>
          </select>
        )}
      </Field>
      <TextField
        label="Sync interval (seconds)"
        hint="30 to 86400"
        error={fieldError(save.error, 'sync_interval_seconds')}
        type="number"
        inputMode="numeric"
        value={interval}
        onChange={setIntervalSeconds}
      />
      <TextField
        label="Only issues with these labels"
        hint="Comma-separated; empty syncs every issue"
        error={fieldError(save.error, 'label_filter')}
        value={labels}
        onChange={setLabels}
      />
      <Field label="Open GitHub issues become" error={fieldError(save.error, 'state_mapping')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={openState}
            aria-describedby={describedBy}
            onChange={(e) => setOpenState(e.target.value as RepositorySettings['state_mapping']['open'])}
          >
            <option value="backlog">Backlog</option>
            <option value="unstarted">Unstarted</option>
            <option value="started">Started</option>
          </select>
        )}
      </Field>
      <div className="checks">
        <label>
          <input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} />{' '}
          Comments
        </label>
        <label>
          <input type="checkbox" checked={pulls} onChange={(e) => setPulls(e.target.checked)} /> Pull requests
        </label>
      </div>
      <FormErrorNotice error={save.error} fields={FIELDS} />
      <div className="actions">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {props.mode === 'connect' ? 'Connect' : 'Save'}
        </button>
      </div>
    </form>
  );
}
