export { attachmentContentType, attachmentDisposition, OPAQUE_CONTENT_TYPE } from './attachment-type.ts';
