import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, Frame, InlineStack, Page, Text, TextField, Toast } from '@shopify/polaris';
import { useEffect, useMemo, useState } from 'react';
import { forgetCredential } from '../api/credential.ts';
import { onSignedOut, type ApiError } from '../api/graphql.ts';
import { SignIn } from '../sign-in.tsx';
import { BoardView } from './board-view.tsx';
import { JobDetailPage } from './job-detail.tsx';
import { ListView } from './list-view.tsx';
import { MachineQueues } from './machine-queues.tsx';
import { ManualOrderForm } from './manual-order-form.tsx';
import { useLiveJobs } from './use-live-jobs.ts';
import './ops.css';

const VIEW_KEY = 'pressline.ops.view';
type View = 'board' | 'list' | 'machines';

function storedView(value: string | null): View {
  return value === 'list' || value === 'machines' ? value : 'board';
}

/** The operator queue page: the board or the list, and a job's detail at /ops/jobs/:id. */
export function OpsApp({ path }: { path: string }) {
  const { jobs, problem, live, reload, version } = useLiveJobs();
  const [view, setView] = useState<View>(() => storedView(localStorage.getItem(VIEW_KEY)));
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [missedFiles, setMissedFiles] = useState<string | null>(null);
  const now = useMemo(() => Date.now(), [jobs]);
  useEffect(() => localStorage.setItem(VIEW_KEY, view), [view]);
  const onBoard = !path.startsWith('/ops/jobs/');
  // Back from a job: show the board as it is now, not as it was when the job was opened.
  useEffect(() => {
    if (onBoard) reload();
  }, [onBoard, reload]);

  // A 401 from any call on the page (the board, a job's detail, a panel) asks for a credential again.
  const [signedOut, setSignedOut] = useState<ApiError | null>(null);
  useEffect(() => onSignedOut(setSignedOut), []);
  const authProblem = signedOut ?? (problem?.status === 401 ? problem : null);
  if (authProblem) {
    const signedIn = () => {
      setSignedOut(null);
      reload();
    };
    return <SignIn problem={authProblem.message} onSignedIn={signedIn} />;
  }
  const detail = /^\/ops\/jobs\/([0-9a-f-]{36})$/i.exec(path);
  const liveBadge = <Badge tone={live ? 'success' : 'attention'}>{live ? 'Live' : 'Offline'}</Badge>;
  if (detail) return <Frame><JobDetailPage jobId={detail[1]!} version={version} liveBadge={liveBadge} /></Frame>;

  const needle = search.trim().toLowerCase();
  const shown = (jobs ?? []).filter(
    (job) => !needle || [job.number, job.title, job.order?.name ?? '', job.order?.customerName ?? '', job.location ?? '', ...job.tags].some((text) => text.toLowerCase().includes(needle)),
  );
  return (
    <Frame>
      <Page
        fullWidth
        title="Production queue"
        titleMetadata={liveBadge}
        primaryAction={{ content: 'New manual job', onAction: () => setCreating(true) }}
        secondaryActions={[{ content: 'Sign out', onAction: () => { forgetCredential(); window.location.reload(); } }]}
      >
        <BlockStack gap="400">
          {missedFiles && <Banner tone="critical" onDismiss={() => setMissedFiles(null)}>{missedFiles}</Banner>}
          {creating && (
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">New manual job</Text>
                <ManualOrderForm onCancel={() => setCreating(false)} onCreated={(name, missed) => {
                  setCreating(false);
                  setToast(`Order ${name} created`);
                  if (missed.length > 0) setMissedFiles(`Order ${name} was created, but these files were not added: ${missed.join('; ')}. Add them on the job.`);
                  reload();
                }} />
              </BlockStack>
            </Card>
          )}
          <InlineStack gap="400" blockAlign="end">
            <div style={{ minWidth: 320 }}>
              <TextField label="Search jobs" value={search} onChange={setSearch} autoComplete="off" clearButton onClearButtonClick={() => setSearch('')} placeholder="Job number, customer, order, tag, location" />
            </div>
            <ButtonGroup variant="segmented">
              <Button pressed={view === 'board'} onClick={() => setView('board')}>Board</Button>
              <Button pressed={view === 'list'} onClick={() => setView('list')}>List</Button>
              <Button pressed={view === 'machines'} onClick={() => setView('machines')}>Machines</Button>
            </ButtonGroup>
          </InlineStack>
          {problem && <Text as="p" tone="critical">{problem.message}</Text>}
          {view === 'machines' ? (
            <MachineQueues version={version} />
          ) : jobs === null ? (
            <Text as="p">Loading…</Text>
          ) : view === 'board' ? (
            <BoardView jobs={shown} now={now} />
          ) : (
            <ListView jobs={shown} now={now} />
          )}
        </BlockStack>
      </Page>
      {toast && <Toast content={toast} onDismiss={() => setToast(null)} />}
    </Frame>
  );
}
