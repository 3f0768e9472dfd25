import { BlockStack, Page } from '@shopify/polaris';
import { GangRulesSection } from './gang-rules-section.tsx';
import { SplitRulesSection } from './split-rules-section.tsx';

/** How orders become jobs (split rules) and which jobs may share a run (gang rules). */
export function RulesPage() {
  return (
    <Page title="Split and gang rules">
      <BlockStack gap="400">
        <SplitRulesSection />
        <GangRulesSection />
      </BlockStack>
    </Page>
  );
}
