import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, apiUrl, unwrap } from '../api/client';
import { useIsAdmin, useSlug } from '../api/session';
import { useMe } from '../app/use-me';
import { ErrorNotice, FormErrorNotice, fieldError } from '../components/ErrorNotice';
import { TextField } from '../components/Field';

const OAUTH_ERRORS: Record<string, string> = {
  access_denied: 'GitHub authorization was denied: nothing was connected.',
  state_expired: 'The GitHub sign-in took longer than 10 minutes and expired. Start again.',
  state_invalid: 'That GitHub answer was not started here or was already used. Start again.',
  state_mismatch:
    'That GitHub answer belongs to a sign-in started in another browser (or another workspace): nothing was connected.',
  code_rejected: 'GitHub refused the authorization code. Start again.',
  github_unavailable: 'GitHub could not be reached. Try again in a moment.',
};

function OAuthResult() {
  const [params] = useSearchParams();
  const error = params.get('oauth_error');
  if (params.get('oauth') === 'connected') {
    return (
      <div role="status" className="notice notice-ok">
        Connected to GitHub as <strong>{params.get('login') ?? 'your GitHub user'}</strong>.
      </div>
    );
  }
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error">
      {OAUTH_ERRORS[error] ?? `GitHub connection failed (${error}).`}
    </div>
  );
}

export function Connect() {
  const slug = useSlug();
  const admin = useIsAdmin();
  const me = useMe();
  const disabled = me.data?.integration_enabled === false;
  const base = `/api/workspaces/${slug}/integrations/github-mcp`;
  return (
    <section aria-labelledby="connect-title">
      <h1 id="connect-title">Connect GitHub</h1>
      <OAuthResult />
      {!admin ? <p>Only workspace admins connect GitHub.</p> : null}
      {admin && !disabled ? (
        <>
          <h2>With your GitHub account</h2>
          <p>GitHub asks you to authorize this workspace, then sends you back here.</p>
          <p>
            <a className="button primary" href={apiUrl(`${base}/oauth/authorize`)}>
              Connect with GitHub
            </a>
          </p>
          <InstallationForm />
          <TokenForm />
          <Disconnect />
        </>
      ) : null}
    </section>
  );
}

function useConnectedChange() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

function InstallationForm() {
  const slug = useSlug();
  const changed = useConnectedChange();
  const [installationId, setInstallationId] = useState('');
  const link = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/workspaces/{slug}/integrations/github-mcp/credentials/installation', {
          params: { path: { slug } },
          body: { installation_id: installationId },
        }),
      ),
    onSuccess: changed,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="inst-title">
      <h2 id="inst-title">Or link a GitHub App installation</h2>
      <TextField
        label="Installation id"
        hint="From the App's installation page on GitHub"
        error={fieldError(link.error, 'installation_id')}
        inputMode="numeric"
        required
        value={installationId}
        onChange={setInstallationId}
      />
      <FormErrorNotice error={link.error} fields={['installation_id']} />
      {link.isSuccess ? (
        <p role="status" className="notice notice-ok">
          Installation linked.
        </p>
      ) : null}
      <button type="submit" disabled={link.isPending}>
        Link installation
      </button>
    </form>
  );
}

function TokenForm() {
  const slug = useSlug();
  const changed = useConnectedChange();
  const [token, setToken] = useState('');
  const connect = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/workspaces/{slug}/integrations/github-mcp/credentials/token', {
          params: { path: { slug } },
          body: { token },
        }),
      ),
    onSuccess: async () => {
      setToken('');
      await changed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="token-title">
      <h2 id="token-title">Or paste a personal access token</h2>
      <TextField
        label="GitHub token"
        hint="Needs the repo scope; stored encrypted, never shown again"
        error={fieldError(connect.error, 'token')}
        type="password"
        autoComplete="off"
        required
        value={token}
        onChange={setToken}
      />
      <FormErrorNotice error={connect.error} fields={['token']} />
      {connect.isSuccess ? (
        <p role="status" className="notice notice-ok">
          Token connected.
        </p>
      ) : null}
      <button type="submit" disabled={connect.isPending}>
        Connect token
      </button>
    </form>
  );
}

function Disconnect() {
  const slug = useSlug();
  const changed = useConnectedChange();
  const dialog = useRef<HTMLDialogElement>(null);
  const status = useQuery({
    queryKey: ['status', slug],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/status', { params: { path: { slug } } }),
      ),
    retry: false,
  });
  const disconnect = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/workspaces/{slug}/integrations/github-mcp/disconnect', {
          params: { path: { slug } },
        }),
      ),
    onSuccess: async () => {
      dialog.current?.close();
      await changed();
    },
  });
  if (status.data?.integration.status !== 'connected') return null;
  return (
    <div aria-labelledby="disc-title">
      <h2 id="disc-title">Disconnect</h2>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Disconnect GitHub…
      </button>
      <dialog ref={dialog} aria-labelledby="disc-dialog-title">
        <h2 id="disc-dialog-title">Disconnect GitHub?</h2>
        <p>
          What stops: every repository's sync, periodic and by webhook; the stored GitHub token is deleted (an
          OAuth token is revoked at GitHub).
        </p>
        <p>
          What stays: the synced issues and comments, the sync history, webhook deliveries and the audit log.
          Connect again to resume from where it stopped.
        </p>
        {disconnect.error ? <ErrorNotice error={disconnect.error} /> : null}
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={disconnect.isPending}
            onClick={() => disconnect.mutate()}
          >
            Disconnect
          </button>
        </div>
      </dialog>
    </div>
  );
}
