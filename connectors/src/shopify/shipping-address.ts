import type { StorefrontAddress } from '../contract.ts';

/**
 * The address fields Pressline reads, whichever API they came from (the webhook's
 * `shipping_address` or GraphQL's `MailingAddress`), so both map the same way.
 */
export interface ShopifyAddressFields {
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

/** Null for no address at all, or one whose every field is blank. */
export function toStorefrontAddress(fields: ShopifyAddressFields | null | undefined): StorefrontAddress | null {
  if (!fields) return null;
  const address: StorefrontAddress = {
    // Shopify's `name` is first + last name; build it when only the parts were sent.
    name: textOrNull(fields.name) ?? joinedName(fields.firstName, fields.lastName),
    company: textOrNull(fields.company),
    address1: textOrNull(fields.address1),
    address2: textOrNull(fields.address2),
    city: textOrNull(fields.city),
    province: textOrNull(fields.province),
    postalCode: textOrNull(fields.zip),
    countryCode: countryCodeOrNull(fields.countryCode),
    phone: textOrNull(fields.phone),
  };
  return Object.values(address).every((value) => value === null) ? null : address;
}

/** The title of the first shipping line not removed by an order edit. */
export function shippingMethodOf(lines: readonly { title?: string | null; is_removed?: boolean | null }[] | null | undefined): string | null {
  const line = lines?.find((candidate) => candidate.is_removed !== true);
  return textOrNull(line?.title);
}

function joinedName(first: string | null | undefined, last: string | null | undefined): string | null {
  const parts = [textOrNull(first), textOrNull(last)].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.map((part) => part.trim()).join(' ');
}

function countryCodeOrNull(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code !== undefined && /^[A-Z]{2}$/.test(code) ? code : null;
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
