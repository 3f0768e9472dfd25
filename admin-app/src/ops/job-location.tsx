import { BlockStack, Button, Card, InlineStack, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { loadRecentLocations } from './jobs-query.ts';

/**
 * Where the piece physically is (shelf, cart, dryer…). Typed once, then a tap on one of
 * the places used lately: on a tablet by the machines that is quicker than typing.
 */
export function JobLocation(props: { location: string | null; busy: boolean; onSet: (location: string) => void }) {
  const [draft, setDraft] = useState(props.location ?? '');
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => setDraft(props.location ?? ''), [props.location]);
  useEffect(() => {
    loadRecentLocations().then(setRecent, () => setRecent([]));
  }, [props.location]);
  const suggestions = recent.filter((place) => place !== props.location).slice(0, 6);

  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Where it is</Text>
        <Text as="p">{props.location ? `At ${props.location}` : 'Location not set'}</Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSet(draft);
          }}
        >
          <BlockStack gap="200">
            <TextField label="Location" value={draft} onChange={setDraft} autoComplete="off" placeholder="Shelf B3, cart 2, dryer…" disabled={props.busy} maxLength={80} />
            <InlineStack gap="200">
              <Button submit disabled={props.busy || draft.trim() === (props.location ?? '')}>Save location</Button>
              {props.location && <Button onClick={() => props.onSet('')} disabled={props.busy} accessibilityLabel={`Clear location ${props.location}`}>Clear</Button>}
            </InlineStack>
          </BlockStack>
        </form>
        {suggestions.length > 0 && (
          <div role="group" aria-label="Recent locations">
            <InlineStack gap="100">
              {suggestions.map((place) => (
                <Button key={place} size="slim" disabled={props.busy} onClick={() => props.onSet(place)} accessibilityLabel={`Put it at ${place}`}>{place}</Button>
              ))}
            </InlineStack>
          </div>
        )}
      </BlockStack>
    </Card>
  );
}
