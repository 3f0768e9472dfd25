import { BlockStack, Text } from '@shopify/polaris';
import { JobCard } from './job-card.tsx';
import type { BoardJob } from './jobs-query.ts';
import { groupIntoLanes, LANES } from './lanes.ts';

/** Lanes by stage category; on-hold jobs sit apart below. Cards move only by their legal transitions. */
export function BoardView({ jobs, now }: { jobs: BoardJob[]; now: number }) {
  const lanes = groupIntoLanes(jobs);
  return (
    <BlockStack gap="400">
      <div className="board">
        {LANES.map((lane) => (
          <section key={lane.key} className="lane" aria-label={`${lane.label} lane`}>
            <Text as="h2" variant="headingMd">{`${lane.label} (${lanes[lane.key].length})`}</Text>
            <BlockStack gap="200">
              {lanes[lane.key].map((job) => (
                <JobCard key={job.id} job={job} now={now} />
              ))}
            </BlockStack>
          </section>
        ))}
      </div>
      {lanes.hold.length > 0 && (
        <section className="lane hold" aria-label="On hold">
          <Text as="h2" variant="headingMd">{`On hold (${lanes.hold.length})`}</Text>
          <div className="hold-row">
            {lanes.hold.map((job) => (
              <JobCard key={job.id} job={job} now={now} />
            ))}
          </div>
        </section>
      )}
    </BlockStack>
  );
}
