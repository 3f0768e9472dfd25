import { Button, Card, Form, FormLayout, Page, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { rememberCredential } from './api/credential.ts';

/** Standalone use (no Shopify admin, wp-admin or Odoo around the page): paste an API key. */
export function SignIn(props: { onSignedIn: () => void; problem: string | null }) {
  const [key, setKey] = useState('');
  return (
    <Page title="Sign in to Pressline" narrowWidth>
      <Card>
        <Form
          onSubmit={() => {
            rememberCredential(key);
            props.onSignedIn();
          }}
        >
          <FormLayout>
            {props.problem && <Text as="p" tone="critical">{props.problem}</Text>}
            <TextField label="API key" type="password" value={key} onChange={setKey} autoComplete="off" />
            <Button submit variant="primary">Sign in</Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  );
}
