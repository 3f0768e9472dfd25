import { BlockStack, Card, Text } from '@shopify/polaris';

/** One entry of an audit trail as the API gives it (a job's events carry from/to stages). */
export interface TimelineEvent {
  at: string;
  actor: string;
  kind: string;
  note: string | null;
  from?: string | null;
  to?: string;
}

/** What happened: a move reads "from → to", anything else its kind in words. */
export function describeEvent(event: TimelineEvent): string {
  if (event.kind === 'transition' || event.kind === 'created') return `${event.from ? `${event.from} → ` : ''}${event.to ?? ''}`;
  return event.kind.replace(/_/g, ' ');
}

/** One line of a timeline: when · (whose) · what · who · note. */
export function timelineLine(event: TimelineEvent & { subject?: string }): string {
  return [new Date(event.at).toLocaleString(), event.subject, describeEvent(event), event.actor, event.note].filter(Boolean).join(' · ');
}

/** An audit trail, oldest first, as an ordered list named for screen readers. */
export function EventTimeline({ label, events }: { label: string; events: (TimelineEvent & { subject?: string })[] }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingMd">Timeline</Text>
        <ol aria-label={label} className="timeline">
          {events.map((event, index) => (
            <li key={index}>
              <Text as="span" variant="bodySm">{timelineLine(event)}</Text>
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}
