/** The storefront API's answers, as the widgets read them (core's CustomerOrderView). */
export interface CustomerFile {
  id: string;
  name: string;
  thumbnailUrl: string | null;
  preflight: { state: 'checking' | 'ok' | 'warnings' | 'problems'; summary: string; problems: { message: string; fix: string | null }[] };
}

export interface CustomerOrder {
  id: string;
  name: string;
  placedAt: string;
  status: string;
  statusLabel: string;
  holdReason: string | null;
  eta: string | null;
  timeline: { step: string; label: string; at: string | null; reached: boolean; current: boolean }[];
  lines: { id: string; title: string; variantTitle: string | null; quantity: number; options: { name: string; value: string }[]; status: string; shipped: number }[];
  jobs: { id: string; title: string; lineIds: string[]; files: CustomerFile[]; photos: CustomerFile[]; proof: CustomerFile | null }[];
  shipments: {
    id: string;
    kind: 'carrier' | 'pickup';
    carrier: string | null;
    trackingNumbers: string[];
    trackingUrl: string | null;
    status: string;
    pickup: { address: string; hours: string | null } | null;
  }[];
}

export interface CustomerMessage {
  id: string;
  author: 'customer' | 'shop';
  body: string;
  at: string;
  /** `url` is the download path under the customer API. */
  attachments: { id: string; name: string; sizeBytes: number; contentType: string; url: string }[];
}
