/** The extension's words in English and German; the customer's account language picks them. */
const en = {
  productionStatus: 'Production status',
  loading: 'Loading the production status…',
  eta: 'Expected {date}',
  progress: 'Progress',
  currentStep: 'Current step',
  items: 'Items',
  lineTitle: '{title} × {quantity}',
  shippedOf: '{n} of {q} shipped',
  shipping: 'Shipping',
  track: 'Track {number}',
  pickup: 'Pick up at {address}',
  hours: 'Opening hours: {hours}',
  loginNeeded: 'Log in to see how your order is being produced.',
  logIn: 'Log in',
  loadFailed: 'The production status could not be loaded: {message}',
  paid: 'Paid',
  in_production: 'In production',
  ready: 'Ready',
  shipped: 'Shipped',
  delivered: 'Delivered',
  on_hold: 'On hold',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  reorder: 'Reorder',
  reorderHeading: 'Reorder {name}',
  loadingOrder: 'Loading your order…',
  reorderIntro: 'These items go into a new checkout, with your original files and options:',
  reorderConfirm: 'Continue to checkout',
  reorderWorking: 'Preparing your checkout…',
  reorderReady: 'Your new order is ready.',
  openCheckout: 'Open the checkout',
  reorderFailed: 'The reorder could not be prepared: {message}',
  notPressline: 'this order has no printed items to reorder',
  cancel: 'Cancel',
};

export type Key = keyof typeof en;

const de: Record<Key, string> = {
  productionStatus: 'Produktionsstatus',
  loading: 'Der Produktionsstatus wird geladen…',
  eta: 'Voraussichtlich {date}',
  progress: 'Verlauf',
  currentStep: 'Aktueller Schritt',
  items: 'Artikel',
  lineTitle: '{title} × {quantity}',
  shippedOf: '{n} von {q} versendet',
  shipping: 'Versand',
  track: 'Sendung {number} verfolgen',
  pickup: 'Abholung bei {address}',
  hours: 'Öffnungszeiten: {hours}',
  loginNeeded: 'Melden Sie sich an, um zu sehen, wie Ihre Bestellung produziert wird.',
  logIn: 'Anmelden',
  loadFailed: 'Der Produktionsstatus konnte nicht geladen werden: {message}',
  paid: 'Bezahlt',
  in_production: 'In Produktion',
  ready: 'Bereit',
  shipped: 'Versendet',
  delivered: 'Zugestellt',
  on_hold: 'Angehalten',
  delayed: 'Verzögert',
  cancelled: 'Storniert',
  reorder: 'Erneut bestellen',
  reorderHeading: '{name} erneut bestellen',
  loadingOrder: 'Ihre Bestellung wird geladen…',
  reorderIntro: 'Diese Artikel kommen mit Ihren ursprünglichen Dateien und Optionen in eine neue Kasse:',
  reorderConfirm: 'Weiter zur Kasse',
  reorderWorking: 'Ihre Kasse wird vorbereitet…',
  reorderReady: 'Ihre neue Bestellung ist bereit.',
  openCheckout: 'Zur Kasse',
  reorderFailed: 'Die Nachbestellung konnte nicht vorbereitet werden: {message}',
  notPressline: 'diese Bestellung hat keine Druckartikel zum Nachbestellen',
  cancel: 'Abbrechen',
};

export const LANGUAGES: Record<string, Record<Key, string>> = { en, de };

/** The customer statuses (and timeline steps) Pressline reports. */
const STATUSES: readonly string[] = ['paid', 'in_production', 'ready', 'shipped', 'delivered', 'on_hold', 'delayed', 'cancelled'] satisfies Key[];

export interface Translator {
  /** The language the words are in ("en" or "de"), for dates too. */
  language: string;
  t(key: Key, values?: Record<string, string | number>): string;
  /** A status or step word, or `fallback` (the API's English label) for one this extension does not know. */
  word(status: string, fallback: string): string;
}

/** Words for an ISO language ("de", "de-AT", "en-US"); English for any other language. */
export function translator(isoCode: string | undefined): Translator {
  const language = (isoCode ?? 'en').slice(0, 2).toLowerCase();
  const words = LANGUAGES[language] ?? en;
  return {
    language: LANGUAGES[language] ? language : 'en',
    t: (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
    word: (status, fallback) => (STATUSES.includes(status) ? words[status as Key] : fallback),
  };
}
