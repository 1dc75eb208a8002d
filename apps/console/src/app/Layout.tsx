import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { api, csrfHeader, unwrap } from '../api/client';
import { useRefreshSession, useSession } from '../api/session';
import { useMe } from './use-me';

const NAV = [
  ['/', 'Overview'],
  ['/connect', 'Connect GitHub'],
  ['/repositories', 'Repositories'],
  ['/sync', 'Sync'],
  ['/webhooks', 'Webhook deliveries'],
  ['/audit', 'Audit log'],
  ['/issues', 'Issues'],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const me = useMe();
  const refresh = useRefreshSession();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/console/session', { params: { header: csrfHeader() } })),
    onSettled: () => refresh(),
  });
  const admin = session.user.role === 'admin';
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">GitHub MCP Sync</span>
        <span className="who">
          {session.workspace.name} · {session.user.name || session.user.email} ({session.user.role})
        </span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <div className="frame">
        <nav className="side" aria-label="Console">
          <ul>
            {NAV.filter(([path]) => admin || path !== '/audit').map(([path, label]) => (
              <li key={path}>
                <NavLink to={path} end={path === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {me.data && !me.data.integration_enabled ? (
            <div role="status" className="notice notice-warn banner">
              The GitHub integration is turned off on this deployment (ENABLE_GITHUB_MCP_INTEGRATION=false):
              nothing syncs, and connection pages are read-only. Webhook deliveries are still stored.
            </div>
          ) : null}
          {!admin ? (
            <p className="notice notice-info" role="note">
              You are a member of this workspace: everything is read-only here, admins connect and sync.
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </>
  );
}
