/**
 * An exception as the fake Odoo server raises it. `kind` is the Python class; the server
 * turns it into the XML-RPC fault or the JSON-2 error Odoo produces for that class.
 */
export class FakeOdooException extends Error {
  constructor(
    readonly kind: 'UserError' | 'ValidationError' | 'MissingError' | 'AccessError' | 'AccessDenied' | 'ValueError' | 'TypeError' | 'KeyError',
    message: string,
  ) {
    super(message);
  }
}

export const userError = (message: string) => new FakeOdooException('UserError', message);
export const valueError = (message: string) => new FakeOdooException('ValueError', message);
export const typeError = (message: string) => new FakeOdooException('TypeError', message);
