import { useState } from 'react';
import { ApiError } from '../api/graphql.ts';

export type SaveMessage = { tone: 'success' | 'critical'; text: string };

/**
 * One save on a settings page: busy while it runs, then a banner saying what was saved or
 * why not (the API's own words), so every page reports a save the same way.
 */
export function useSave() {
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<SaveMessage | null>(null);
  /** Runs the save; it resolves to the words that say it worked. */
  const save = async (action: () => Promise<string>) => {
    setSaving(true);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await action() });
    } catch (error) {
      setMessage({ tone: 'critical', text: `Not saved: ${error instanceof ApiError ? error.message : 'that did not work'}` });
    } finally {
      setSaving(false);
    }
  };
  return { saving, message, setMessage, save };
}
