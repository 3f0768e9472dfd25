import { Banner, BlockStack, Button, Card, Form, InlineStack, Text, TextField } from '@shopify/polaris';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/graphql.ts';
import { downloadAttachment, formatSize, loadOrderMessages, sendOrderMessage, type MessageAttachment, type OrderMessage } from './messages-query.ts';

const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/**
 * The order's thread with its customer (the storefront messages widget is the other
 * side): oldest first with attachments to download, and a reply box with optional files.
 * A sent reply shows at once; the thread reloads whenever the page's live version moves.
 */
export function JobMessages(props: { orderId: string; version: number }) {
  const [messages, setMessages] = useState<OrderMessage[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // A load that started before a reply was sent may not hold it; its answer is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const started = generation.current;
    loadOrderMessages(props.orderId).then(
      (loaded) => generation.current === started && setMessages(loaded),
      (error: unknown) => generation.current === started && setProblem(failure(error, 'The messages could not be loaded')),
    );
  }, [props.orderId, props.version]);

  const send = async () => {
    setSending(true);
    setProblem(null);
    try {
      const sent = await sendOrderMessage(props.orderId, body, files);
      generation.current += 1;
      setMessages((current) => [...(current ?? []), sent]);
      setBody('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setProblem(failure(error, 'The reply could not be sent'));
    } finally {
      setSending(false);
    }
  };
  const download = (file: MessageAttachment) => {
    downloadAttachment(file).catch((error: unknown) => setProblem(failure(error, `${file.name} could not be downloaded`)));
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Messages with the customer</Text>
        {problem && <Banner tone="critical">{problem}</Banner>}
        {messages === null ? (
          <Text as="p" tone="subdued">Loading messages…</Text>
        ) : messages.length === 0 ? (
          <Text as="p" tone="subdued">No messages yet.</Text>
        ) : (
          <ol aria-label="Messages with the customer" className="messages">
            {messages.map((message) => (
              <li key={message.id} className={`message ${message.author === 'SHOP' ? 'from-shop' : 'from-customer'}`}>
                <Text as="p" variant="bodySm" tone="subdued">{`${message.author === 'SHOP' ? 'Shop' : 'Customer'} · ${new Date(message.at).toLocaleString()}`}</Text>
                {message.body && <p className="message-body">{message.body}</p>}
                {message.attachments.length > 0 && (
                  <ul aria-label="Attachments" className="attachments">
                    {message.attachments.map((file) => (
                      <li key={file.id}>
                        <a
                          href={file.downloadPath}
                          download={file.name}
                          aria-label={`Download ${file.name}`}
                          onClick={(event) => {
                            event.preventDefault();
                            download(file);
                          }}
                        >
                          {file.name}
                        </a>
                        <Text as="span" variant="bodySm" tone="subdued">{` ${formatSize(file.sizeBytes)}`}</Text>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        <Form onSubmit={() => void send()}>
          <BlockStack gap="200">
            <TextField label="Reply to the customer" value={body} onChange={setBody} multiline={3} autoComplete="off" helpText="The customer is e-mailed and sees it on their order page." />
            <label className="upload">
              <span>Attach files</span>
              <input ref={fileInput} type="file" multiple disabled={sending} onChange={(event) => setFiles([...(event.currentTarget.files ?? [])])} />
            </label>
            <InlineStack gap="200" blockAlign="center">
              <Button submit variant="primary" loading={sending} disabled={!body.trim() && files.length === 0}>Send reply</Button>
              {files.length > 0 && <Text as="span" tone="subdued">{`${files.length} file${files.length === 1 ? '' : 's'} attached`}</Text>}
            </InlineStack>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}
