/** The widgets' words; the element's `lang` (or the page's) picks the language, English otherwise. */
const en = {
  loading: 'Loading…',
  noOrders: 'No orders yet.',
  order: 'Order',
  eta: 'Expected',
  paid: 'Paid',
  in_production: 'In production',
  ready: 'Ready',
  shipped: 'Shipped',
  delivered: 'Delivered',
  on_hold: 'On hold',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  shippedOf: '{n} of {q} shipped',
  track: 'Track {n}',
  pickup: 'Pick up at',
  hours: 'Opening hours',
  reorder: 'Order again',
  reorderReady: 'Your new order is ready: complete it here',
  proof: 'Your proof is ready',
  approve: 'Approve proof',
  requestChanges: 'Request changes',
  changesPlaceholder: 'What should we change?',
  approved: 'Thank you, your proof is approved.',
  changesSent: 'Thank you, we will send a new proof.',
  upload: 'Upload a file',
  uploadFor: 'For',
  tooLarge: 'This file is larger than {n} MB.',
  checking: 'Checking your file…',
  messages: 'Messages',
  you: 'You',
  shop: 'Shop',
  send: 'Send',
  messagePlaceholder: 'Write to the shop…',
  error: 'Something went wrong: {m}',
};
export type Key = keyof typeof en;

const de: Record<Key, string> = {
  loading: 'Wird geladen…',
  noOrders: 'Noch keine Bestellungen.',
  order: 'Bestellung',
  eta: 'Voraussichtlich',
  paid: 'Bezahlt',
  in_production: 'In Produktion',
  ready: 'Bereit',
  shipped: 'Versendet',
  delivered: 'Zugestellt',
  on_hold: 'Angehalten',
  delayed: 'Verzögert',
  cancelled: 'Storniert',
  shippedOf: '{n} von {q} versendet',
  track: 'Sendung {n} verfolgen',
  pickup: 'Abholung bei',
  hours: 'Öffnungszeiten',
  reorder: 'Erneut bestellen',
  reorderReady: 'Ihre neue Bestellung ist bereit: hier abschließen',
  proof: 'Ihr Korrekturabzug ist bereit',
  approve: 'Abzug freigeben',
  requestChanges: 'Änderungen anfordern',
  changesPlaceholder: 'Was sollen wir ändern?',
  approved: 'Danke, Ihr Abzug ist freigegeben.',
  changesSent: 'Danke, wir senden einen neuen Abzug.',
  upload: 'Datei hochladen',
  uploadFor: 'Für',
  tooLarge: 'Diese Datei ist größer als {n} MB.',
  checking: 'Ihre Datei wird geprüft…',
  messages: 'Nachrichten',
  you: 'Sie',
  shop: 'Shop',
  send: 'Senden',
  messagePlaceholder: 'Nachricht an den Shop…',
  error: 'Etwas ist schiefgegangen: {m}',
};

const languages: Record<string, Record<Key, string>> = { en, de };

export type Translate = (key: Key, values?: Record<string, string | number>) => string;

export function translator(element: HTMLElement): Translate {
  const lang = (element.closest('[lang]')?.getAttribute('lang') ?? 'en').slice(0, 2).toLowerCase();
  const words = languages[lang] ?? en;
  return (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function formatDate(element: HTMLElement, iso: string): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? undefined;
  return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}
