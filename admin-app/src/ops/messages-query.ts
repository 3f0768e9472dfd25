import { fetchBlob, gql, gqlUpload } from '../api/graphql.ts';

export interface MessageAttachment {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  /** The admin API route that serves the file to this page's credential. */
  downloadPath: string;
}

export interface OrderMessage {
  id: string;
  author: 'CUSTOMER' | 'SHOP';
  body: string;
  at: string;
  attachments: MessageAttachment[];
}

const MESSAGE = 'id author body at attachments { id name sizeBytes contentType downloadPath }';

/** The order's thread with its customer, oldest first. */
export async function loadOrderMessages(orderId: string): Promise<OrderMessage[]> {
  const data = await gql<{ order: { messages: OrderMessage[] } | null }>(`query Thread($id: ID!) { order(id: $id) { messages { ${MESSAGE} } } }`, { id: orderId });
  return data.order?.messages ?? [];
}

/** The shop's reply, with files if any; the customer is e-mailed by the server. */
export async function sendOrderMessage(orderId: string, body: string, attachments: File[]): Promise<OrderMessage> {
  const query = `mutation Reply($orderId: ID!, $body: String!, $attachments: [File!]) { sendOrderMessage(orderId: $orderId, body: $body, attachments: $attachments) { ${MESSAGE} } }`;
  const data =
    attachments.length > 0
      ? await gqlUpload<{ sendOrderMessage: OrderMessage }>(query, { orderId, body }, { attachments })
      : await gql<{ sendOrderMessage: OrderMessage }>(query, { orderId, body });
  return data.sendOrderMessage;
}

/** Saves a message's file under its own name (the route needs the credential, so no plain link). */
export async function downloadAttachment(file: MessageAttachment): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(file.downloadPath));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  // The browser has the blob once the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
