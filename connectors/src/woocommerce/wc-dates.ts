/**
 * WooCommerce writes its `*_gmt` fields as UTC wall time without a zone
 * ("2017-03-22T19:28:02"); `new Date()` would read that as local time.
 */

const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** "2017-03-22T19:28:02" (a `_gmt` field) → "2017-03-22T19:28:02.000Z"; null when it is not a date-time. */
export function wcGmtToIso(value: string): string | null {
  const text = value.trim();
  const zoned = ZONELESS.test(text) ? `${text}Z` : ZONED.test(text) ? text : null;
  if (zoned === null) return null;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * An instant as WooCommerce wants a GMT query bound: UTC wall time, whole seconds and
 * no zone. A trailing "Z" would be wrong: WP_Date_Query converts a zoned value to the
 * site's timezone before comparing it with the `_gmt` column.
 */
export function toWcGmt(instant: Date): string {
  return instant.toISOString().slice(0, 19);
}
