import '@shopify/polaris/build/esm/styles.css';
import { AppProvider } from '@shopify/polaris';
import en from '@shopify/polaris/locales/en.json' with { type: 'json' };
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './admin/admin-app.tsx';
import { adoptCredentialFromUrl } from './api/credential.ts';
import { OpsApp } from './ops/ops-app.tsx';
import { usePath } from './router.ts';

function Root() {
  const path = usePath();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void adoptCredentialFromUrl().finally(() => setReady(true));
  }, []);
  if (!ready) return null;
  return path.startsWith('/ops') ? <OpsApp path={path} /> : <AdminApp path={path} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider i18n={en}>
      <Root />
    </AppProvider>
  </StrictMode>,
);
