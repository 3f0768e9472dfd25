import { BadRequestError } from '../../errors.ts';

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** An id argument the API cannot look up is a BAD_REQUEST naming the field. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw new BadRequestError(`${field}: not a valid id`);
  return value;
}
