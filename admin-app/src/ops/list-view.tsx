import { Badge, IndexTable, Text } from '@shopify/polaris';
import { navigate } from '../router.ts';
import { PreflightBadge, UrgencyBadge } from './job-card.tsx';
import type { BoardJob } from './jobs-query.ts';
import { byUrgency, daysInStage } from './lanes.ts';

/** Every open job in one table, most urgent first. */
export function ListView({ jobs, now }: { jobs: BoardJob[]; now: number }) {
  const rows = jobs.filter((job) => job.stage.category !== 'done' && job.stage.category !== 'cancelled').sort(byUrgency);
  return (
    <IndexTable
      resourceName={{ singular: 'job', plural: 'jobs' }}
      itemCount={rows.length}
      selectable={false}
      headings={[{ title: 'Job' }, { title: 'Customer' }, { title: 'Item' }, { title: 'Stage' }, { title: 'Where' }, { title: 'Days' }, { title: 'Due' }, { title: 'Flags' }]}
    >
      {rows.map((job, index) => (
        <IndexTable.Row id={job.id} key={job.id} position={index} onClick={() => navigate(`/ops/jobs/${job.id}`)}>
          <IndexTable.Cell>
            {/* Rows open on click; the button makes the same reachable by keyboard. */}
            <button type="button" className="link-button" onClick={(event) => { event.stopPropagation(); navigate(`/ops/jobs/${job.id}`); }} aria-label={`Open job ${job.number}`}>
              <Text as="span" fontWeight="bold">{job.number}</Text>
            </button>
          </IndexTable.Cell>
          <IndexTable.Cell>{job.order?.customerName ?? '—'}</IndexTable.Cell>
          <IndexTable.Cell>{job.title}</IndexTable.Cell>
          <IndexTable.Cell>{job.stage.label}</IndexTable.Cell>
          <IndexTable.Cell>{job.location ?? '—'}</IndexTable.Cell>
          <IndexTable.Cell>{daysInStage(job, now)}</IndexTable.Cell>
          <IndexTable.Cell>{job.dueAt ? new Date(job.dueAt).toLocaleDateString() : '—'}</IndexTable.Cell>
          <IndexTable.Cell>
            {job.rush && <Badge tone="critical-strong">RUSH</Badge>} <UrgencyBadge job={job} now={now} /> <PreflightBadge status={job.preflightStatus} />
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
