import type { SimulatedOrder } from '@pressline/connectors';

/**
 * A few orders a print shop would recognise. Ids are fixed (and past 2^53, like
 * Shopify's), so running the demo again re-delivers the same orders and doubles nothing.
 */
/** The demo storefront's logged-in customer. */
export const DEMO_CUSTOMER_ID = '7001';

export const demoOrders: SimulatedOrder[] = [
  {
    id: '820982911946154508',
    name: '#1001',
    email: 'ada@example.com',
    // Ada is logged in on the demo storefront page (pressline demo prints its address).
    customerId: DEMO_CUSTOMER_ID,
    lines: [
      { id: '866550311766439020', title: 'Business cards', variantTitle: '350gsm matte', sku: 'BC-350-M', quantity: 500, price: '0.09', properties: [{ name: 'Design file', value: 'https://files.example.com/ada-cards.pdf' }] },
      { id: '866550311766439021', title: 'A2 poster', variantTitle: 'Satin', sku: 'POS-A2-S', quantity: 3, price: '18.50' },
    ],
  },
  {
    id: '820982911946154509',
    name: '#1002',
    email: 'grace@example.com',
    lines: [{ id: '866550311766439022', title: 'Roll labels', variantTitle: '50 mm round, gloss', sku: 'LBL-50R-G', quantity: 1000, price: '0.04' }],
  },
  {
    id: '820982911946154510',
    name: '#1003',
    email: 'linus@example.com',
    lines: [
      { id: '866550311766439023', title: 'PLA phone stand', variantTitle: 'Black', sku: 'FDM-STAND-BK', quantity: 2, price: '12.00' },
      { id: '866550311766439024', title: 'Laser-cut coaster set', variantTitle: 'Birch ply', sku: 'LSR-COAST-B', quantity: 4, price: '6.00' },
      { id: '866550311766439025', title: 'Engraved pendant', variantTitle: 'Silver', sku: 'JWL-PEND-S', quantity: 1, price: '45.00', properties: [{ name: 'Engraving', value: 'M + J 2026' }] },
    ],
  },
];

export const DEMO_SHOP_DOMAIN = 'pressline-demo.myshopify.com';
