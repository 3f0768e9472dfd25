import { Frame, Navigation } from '@shopify/polaris';
import { onSignedOut, type ApiError } from '../api/graphql.ts';
import { navigate } from '../router.ts';
import { SignIn } from '../sign-in.tsx';
import { ApiKeysPage } from './api-keys.tsx';
import { MachinesPage } from './machines.tsx';
import { OutboxFailuresPage } from './outbox-failures.tsx';
import { OverviewPage } from './overview.tsx';
import { NotificationTemplatesPage } from './notification-templates.tsx';
import { OrdersRoute } from './orders.tsx';
import { ProductionProfilesPage } from './production-profiles.tsx';
import { ReportsPage } from './reports.tsx';
import { RulesPage } from './rules-page.tsx';
import { WebhooksPage } from './webhooks.tsx';
import { WorkflowEditorPage } from './workflow-editor.tsx';
import { useEffect, useState, type ReactNode } from 'react';
import './admin.css';

const PAGES: { path: string; label: string; render: (path: string) => ReactNode }[] = [
  { path: '/app/orders', label: 'Orders', render: (path) => <OrdersRoute path={path} /> },
  { path: '/app/profiles', label: 'Production profiles', render: () => <ProductionProfilesPage /> },
  { path: '/app/machines', label: 'Machines', render: () => <MachinesPage /> },
  { path: '/app/rules', label: 'Split and gang rules', render: () => <RulesPage /> },
  { path: '/app/workflow', label: 'Workflow', render: () => <WorkflowEditorPage /> },
  { path: '/app/notifications', label: 'Notification templates', render: () => <NotificationTemplatesPage /> },
  { path: '/app/reports', label: 'Reports', render: () => <ReportsPage /> },
  { path: '/app/webhooks', label: 'Webhooks', render: () => <WebhooksPage /> },
  { path: '/app/api-keys', label: 'API keys', render: () => <ApiKeysPage /> },
  { path: '/app/outbox', label: 'Outbox failures', render: () => <OutboxFailuresPage /> },
];

/** The merchant admin at /app: the pages built so far, behind one navigation. */
export function AdminApp({ path }: { path: string }) {
  const [signedOut, setSignedOut] = useState<ApiError | null>(null);
  // Any page's 401 (no credential, an expired session, a revoked key) shows the sign-in form.
  useEffect(() => onSignedOut(setSignedOut), []);
  if (signedOut) return <SignIn problem={signedOut.message} onSignedIn={() => setSignedOut(null)} />;
  const navigation = (
    <Navigation location={path}>
      <Navigation.Section
        items={[
          { label: 'Overview', url: '/app', exactMatch: true, onClick: () => navigate('/app') },
          ...PAGES.map((page) => ({ label: page.label, url: page.path, onClick: () => navigate(page.path) })),
          { label: 'Operator queue', url: '/ops', onClick: () => navigate('/ops') },
        ]}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation}>
      {PAGES.find((page) => path.startsWith(page.path))?.render(path) ?? <OverviewPage />}
    </Frame>
  );
}
