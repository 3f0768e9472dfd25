import { InlineStack } from '@shopify/polaris';
import type { JobFileRole } from './jobs-query.ts';

const KINDS: { role: JobFileRole; label: string }[] = [
  { role: 'DESIGN', label: 'Upload a design file' },
  { role: 'PROOF', label: 'Upload a proof for the customer' },
  { role: 'PHOTO', label: 'Upload a progress photo' },
];

/**
 * A job's three kinds of file: design files (preflighted; they gate production), proofs the
 * customer approves on the storefront, and progress or completion photos the customer sees.
 */
export function JobFileUploads(props: { busy: boolean; onUpload: (file: File, role: JobFileRole) => void }) {
  return (
    <InlineStack gap="300">
      {KINDS.map((kind) => (
        <label key={kind.role} className="upload">
          <span>{kind.label}</span>
          <input
            type="file"
            disabled={props.busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) props.onUpload(file, kind.role);
            }}
          />
        </label>
      ))}
    </InlineStack>
  );
}
