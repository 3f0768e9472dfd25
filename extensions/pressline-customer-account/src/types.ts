/** The storefront API's order, as this extension reads it (core's CustomerOrderView). */
export interface CustomerOrder {
  id: string;
  name: string;
  status: string;
  statusLabel: string;
  holdReason: string | null;
  eta: string | null;
  timeline: { step: string; label: string; at: string | null; reached: boolean; current: boolean }[];
  lines: { id: string; title: string; variantTitle: string | null; quantity: number; status: string; shipped: number }[];
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

/** Where the customer completes a reorder: the platform's cart or draft order checkout. */
export interface Reorder {
  kind: string;
  url: string;
}
