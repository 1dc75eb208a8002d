import { HashRouter, Route, Routes } from 'react-router';
import { SessionGate } from '../api/session';
import { Audit } from '../pages/Audit';
import { Connect } from '../pages/Connect';
import { IssueDetail } from '../pages/IssueDetail';
import { Issues } from '../pages/Issues';
import { JobDetail } from '../pages/JobDetail';
import { NotFound } from '../pages/NotFound';
import { Overview } from '../pages/Overview';
import { Repositories } from '../pages/Repositories';
import { SignIn } from '../pages/SignIn';
import { Sync } from '../pages/Sync';
import { WebhookDetail } from '../pages/WebhookDetail';
import { Webhooks } from '../pages/Webhooks';
import { Layout } from './Layout';

/** Hash routes: the OAuth callback lands on `…/console/#/connect?…`, and any path prefix works. */
export function App() {
  return (
    <HashRouter>
      <SessionGate signIn={<SignIn />} loading={<p className="loading">Loading…</p>}>
        <Layout>
          <Routes>
            <Route path="/" element={<Overview />} />
            <Route path="/connect" element={<Connect />} />
            <Route path="/repositories" element={<Repositories />} />
            <Route path="/sync" element={<Sync />} />
            <Route path="/sync/:jobId" element={<JobDetail />} />
            <Route path="/webhooks" element={<Webhooks />} />
            <Route path="/webhooks/:deliveryId" element={<WebhookDetail />} />
            <Route path="/audit" element={<Audit />} />
            <Route path="/issues" element={<Issues />} />
            <Route path="/issues/:projectId/:issueId" element={<IssueDetail />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </SessionGate>
    </HashRouter>
  );
}
