import { FileUploadElement } from './file-upload.ts';
import { OrderHistoryElement } from './order-history.ts';
import { OrderMessagesElement } from './order-messages.ts';
import { OrderStatusElement } from './order-status.ts';
import { ProofApprovalElement } from './proof-approval.ts';

/** The bundle's entry (/widgets/pressline.js): registers every Pressline element once. */
const elements: [string, CustomElementConstructor][] = [
  ['pressline-order-status', OrderStatusElement],
  ['pressline-order-history', OrderHistoryElement],
  ['pressline-proof-approval', ProofApprovalElement],
  ['pressline-upload', FileUploadElement],
  ['pressline-messages', OrderMessagesElement],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
