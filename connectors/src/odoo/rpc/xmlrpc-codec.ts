import { childElements, parseXml, textOf, XmlSyntaxError, type XmlElement } from './xml-tree.ts';

// XML-RPC as Odoo's /xmlrpc/2 endpoints speak it (Python's xmlrpc.client with Odoo's
// marshaller): datetimes and dates travel as strings, None is refused on the way out
// (so Odoo answers False), and faults carry an int code.

export class XmlRpcFormatError extends Error {
  override name = 'XmlRpcFormatError';
}

export type DecodedResponse = { kind: 'value'; value: unknown } | { kind: 'fault'; code: number | string; message: string };

export function encodeMethodCall(method: string, params: readonly unknown[]): string {
  const encoded = params.map((param) => `<param><value>${encodeValue(param)}</value></param>`).join('');
  return `<?xml version="1.0"?><methodCall><methodName>${escapeText(method)}</methodName><params>${encoded}</params></methodCall>`;
}

export function encodeMethodResponse(value: unknown): string {
  return `<?xml version="1.0"?><methodResponse><params><param><value>${encodeValue(value)}</value></param></params></methodResponse>`;
}

export function encodeFault(code: number, message: string): string {
  return `<?xml version="1.0"?><methodResponse><fault><value>${encodeValue({ faultCode: code, faultString: message })}</value></fault></methodResponse>`;
}

/** A methodResponse: the returned value or the fault. Throws XmlRpcFormatError on anything else. */
export function decodeMethodResponse(xml: string): DecodedResponse {
  const root = parseDocument(xml, 'methodResponse');
  const [body] = onlyChildren(root, 1);
  if (body!.name === 'fault') {
    const fault = decodeValue(onlyChild(body!, 'value'));
    if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) throw new XmlRpcFormatError('a fault without a struct');
    const { faultCode, faultString } = fault as Record<string, unknown>;
    if ((typeof faultCode !== 'number' && typeof faultCode !== 'string') || typeof faultString !== 'string') {
      throw new XmlRpcFormatError('a fault without faultCode and faultString');
    }
    return { kind: 'fault', code: faultCode, message: faultString };
  }
  if (body!.name !== 'params') throw new XmlRpcFormatError(`<${body!.name}> in a methodResponse`);
  const param = onlyChild(body!, 'param');
  return { kind: 'value', value: decodeValue(onlyChild(param, 'value')) };
}

/** A methodCall's name and parameters (what a server reads). */
export function decodeMethodCall(xml: string): { method: string; params: unknown[] } {
  const root = parseDocument(xml, 'methodCall');
  const elements = childElements(root);
  const name = elements.find((element) => element.name === 'methodName');
  if (!name) throw new XmlRpcFormatError('a methodCall without methodName');
  const params = elements.find((element) => element.name === 'params');
  return {
    method: textOf(name).trim(),
    params: params ? childElements(params).map((param) => decodeValue(onlyChild(param, 'value'))) : [],
  };
}

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil/>';
  switch (typeof value) {
    case 'boolean':
      return `<boolean>${value ? 1 : 0}</boolean>`;
    case 'string':
      return `<string>${escapeText(value)}</string>`;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`XML-RPC cannot carry ${value}`);
      if (Number.isInteger(value)) {
        if (value >= -(2 ** 31) && value < 2 ** 31) return `<int>${value + 0}</int>`;
        if (Number.isSafeInteger(value)) return `<i8>${value}</i8>`;
      }
      return `<double>${String(value)}</double>`;
    case 'object': {
      if (Array.isArray(value)) return `<array><data>${value.map((item) => `<value>${encodeValue(item)}</value>`).join('')}</data></array>`;
      const members = Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .map(([name, member]) => `<member><name>${escapeText(name)}</name><value>${encodeValue(member)}</value></member>`);
      return `<struct>${members.join('')}</struct>`;
    }
    default:
      throw new TypeError(`XML-RPC cannot carry a ${typeof value}`);
  }
}

function decodeValue(element: XmlElement): unknown {
  const typed = childElements(element);
  // A <value> holding bare text is a string.
  if (typed.length === 0) return textOf(element);
  if (typed.length > 1) throw new XmlRpcFormatError('a <value> with more than one type');
  const node = typed[0]!;
  const text = textOf(node);
  switch (node.name) {
    case 'int':
    case 'i4':
    case 'i8': {
      const trimmed = text.trim();
      const number = Number(trimmed);
      if (!/^[+-]?\d+$/.test(trimmed) || !Number.isSafeInteger(number)) throw new XmlRpcFormatError(`"${trimmed}" is not an integer`);
      return number + 0;
    }
    case 'boolean':
      if (text.trim() === '1') return true;
      if (text.trim() === '0') return false;
      throw new XmlRpcFormatError(`"${text}" is not a boolean`);
    case 'double': {
      const number = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(number)) throw new XmlRpcFormatError(`"${text}" is not a double`);
      return number;
    }
    case 'string':
    case 'dateTime.iso8601':
    case 'base64':
      return text;
    case 'nil':
      return null;
    case 'array': {
      const data = onlyChild(node, 'data');
      return childElements(data).map((item) => {
        if (item.name !== 'value') throw new XmlRpcFormatError(`<${item.name}> in an array`);
        return decodeValue(item);
      });
    }
    case 'struct': {
      const struct: Record<string, unknown> = {};
      for (const member of childElements(node)) {
        const parts = childElements(member);
        const name = parts.find((part) => part.name === 'name');
        const value = parts.find((part) => part.name === 'value');
        if (member.name !== 'member' || !name || !value) throw new XmlRpcFormatError('a struct member without name and value');
        Object.defineProperty(struct, textOf(name), { value: decodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return struct;
    }
    default:
      throw new XmlRpcFormatError(`unknown XML-RPC type <${node.name}>`);
  }
}

function parseDocument(xml: string, rootName: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new XmlRpcFormatError(`not XML: ${error.message}`);
    throw error;
  }
  if (root.name !== rootName) throw new XmlRpcFormatError(`expected <${rootName}>, got <${root.name}>`);
  return root;
}

function onlyChildren(element: XmlElement, count: number): XmlElement[] {
  const children = childElements(element);
  if (children.length !== count) throw new XmlRpcFormatError(`<${element.name}> should hold ${count} element(s)`);
  return children;
}

function onlyChild(element: XmlElement, name: string): XmlElement {
  const [child] = onlyChildren(element, 1);
  if (child!.name !== name) throw new XmlRpcFormatError(`expected <${name}> in <${element.name}>, got <${child!.name}>`);
  return child!;
}

function escapeText(text: string): string {
  // XML 1.0 cannot carry most control characters; Odoo's marshaller drops them too.
  let clean = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) clean += char;
  }
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
