import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, setCsrfToken, unwrap } from '../api/client';
import { useRefreshSession } from '../api/session';
import { FormErrorNotice, fieldError } from '../components/ErrorNotice';
import { TextField } from '../components/Field';

const LINK_ERRORS: Record<string, string> = {
  link_expired:
    'That sign-in link was already used or has expired. Ask for a new one, or paste an API token.',
};

/**
 * Exchanges an API token for a session cookie (HttpOnly: the page never sees it again). The token lives
 * only in this form's state until the answer arrives, then the field is cleared.
 */
export function SignIn() {
  const refresh = useRefreshSession();
  const [workspace, setWorkspace] = useState('');
  const [token, setToken] = useState('');
  const linkError = new URLSearchParams(window.location.search).get('signin_error');
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/console/session', { body: { workspace, token } })),
    onSuccess: async (session) => {
      setToken('');
      setCsrfToken(session.csrf_token);
      if (linkError) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <main className="signin" id="main">
      <h1>GitHub MCP Sync</h1>
      <p>
        Sign in to your workspace with an API token. It is exchanged for a session and not kept in the
        browser.
      </p>
      {linkError ? (
        <div role="alert" className="notice notice-error">
          {LINK_ERRORS[linkError] ?? `Sign-in failed (${linkError}).`}
        </div>
      ) : null}
      <form onSubmit={submit} aria-label="Sign in">
        <TextField
          label="Workspace"
          hint="The workspace slug, e.g. acme"
          error={fieldError(signIn.error, 'workspace')}
          name="workspace"
          autoComplete="organization"
          required
          value={workspace}
          onChange={setWorkspace}
        />
        <TextField
          label="API token"
          hint="npm run cli -- create-token …"
          error={fieldError(signIn.error, 'token')}
          name="token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onChange={setToken}
        />
        <FormErrorNotice error={signIn.error} fields={['workspace', 'token']} />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
