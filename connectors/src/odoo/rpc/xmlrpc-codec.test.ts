import { describe, expect, it } from 'vitest';
import { decodeMethodCall, decodeMethodResponse, encodeMethodCall, XmlRpcFormatError } from './xmlrpc-codec.ts';

// Verbatim output of Python 3's xmlrpc.client.dumps, which Odoo's /xmlrpc/2 answers with.
const PYTHON_READ_RESPONSE =
  "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n<name>id</name>\n<value><int>42</int></value>\n</member>\n<member>\n<name>name</name>\n<value><string>S00042 &amp; &lt;b&gt;</string></value>\n</member>\n<member>\n<name>amount_total</name>\n<value><double>115.0</double></value>\n</member>\n<member>\n<name>price</name>\n<value><double>12.35</double></value>\n</member>\n<member>\n<name>order_line</name>\n<value><array><data>\n<value><int>101</int></value>\n<value><int>102</int></value>\n</data></array></value>\n</member>\n<member>\n<name>partner_id</name>\n<value><array><data>\n<value><int>15</int></value>\n<value><string>Deco Addict</string></value>\n</data></array></value>\n</member>\n<member>\n<name>origin</name>\n<value><boolean>0</boolean></value>\n</member>\n<member>\n<name>empty</name>\n<value><string></string></value>\n</member>\n<member>\n<name>nested</name>\n<value><struct>\n<member>\n<name>a</name>\n<value><array><data>\n</data></array></value>\n</member>\n</struct></value>\n</member>\n<member>\n<name>uni</name>\n<value><string>Café ✓</string></value>\n</member>\n</struct></value>\n</param>\n</params>\n</methodResponse>\n";

const PYTHON_FAULT =
  "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>3</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>Access Denied</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n";

const PYTHON_EXECUTE_KW_CALL =
  "<?xml version='1.0'?>\n<methodCall>\n<methodName>execute_kw</methodName>\n<params>\n<param>\n<value><string>db</string></value>\n</param>\n<param>\n<value><int>2</int></value>\n</param>\n<param>\n<value><string>key</string></value>\n</param>\n<param>\n<value><string>sale.order</string></value>\n</param>\n<param>\n<value><string>read</string></value>\n</param>\n<param>\n<value><array><data>\n<value><array><data>\n<value><int>42</int></value>\n</data></array></value>\n</data></array></value>\n</param>\n<param>\n<value><struct>\n<member>\n<name>fields</name>\n<value><array><data>\n<value><string>name</string></value>\n</data></array></value>\n</member>\n<member>\n<name>context</name>\n<value><struct>\n<member>\n<name>lang</name>\n<value><string>en_US</string></value>\n</member>\n</struct></value>\n</member>\n</struct></value>\n</param>\n</params>\n</methodCall>\n";

describe('XML-RPC codec', () => {
  it('decodes what Python’s xmlrpc.client sends', () => {
    expect(decodeMethodResponse(PYTHON_READ_RESPONSE)).toEqual({
      kind: 'value',
      value: {
        id: 42,
        name: 'S00042 & <b>',
        amount_total: 115,
        price: 12.35,
        order_line: [101, 102],
        partner_id: [15, 'Deco Addict'],
        origin: false,
        empty: '',
        nested: { a: [] },
        uni: 'Café ✓',
      },
    });
  });

  it('decodes a fault', () => {
    expect(decodeMethodResponse(PYTHON_FAULT)).toEqual({ kind: 'fault', code: 3, message: 'Access Denied' });
  });

  it('encodes a call that reads back as Python writes it', () => {
    const call = encodeMethodCall('execute_kw', ['db', 2, 'key', 'sale.order', 'read', [[42]], { fields: ['name'], context: { lang: 'en_US' } }]);
    expect(decodeMethodCall(call)).toEqual(decodeMethodCall(PYTHON_EXECUTE_KW_CALL));
    expect(call).toContain('<value><array><data><value><array><data><value><int>42</int></value></data></array></value></data></array></value>');
  });

  it('escapes markup, drops control characters and writes floats as doubles', () => {
    const call = encodeMethodCall('m', ['a < b & c > d\u0007', 2.5, 2 ** 40, false, null]);
    expect(call).toContain('<string>a &lt; b &amp; c &gt; d</string>');
    expect(call).toContain('<double>2.5</double>');
    expect(call).toContain('<i8>1099511627776</i8>');
    expect(call).toContain('<boolean>0</boolean>');
    expect(call).toContain('<nil/>');
  });

  it('reads bare text, entities and CDATA as strings', () => {
    const response = "<?xml version='1.0'?><methodResponse><params><param><value>caf&#233; &#x2713; <![CDATA[<raw>]]></value></param></params></methodResponse>";
    expect(decodeMethodResponse(response)).toEqual({ kind: 'value', value: 'café ✓ <raw>' });
  });

  it('refuses what is not an XML-RPC response', () => {
    expect(() => decodeMethodResponse('<html><body>502 Bad Gateway</body></html>')).toThrow(XmlRpcFormatError);
    expect(() => decodeMethodResponse('not xml at all')).toThrow(XmlRpcFormatError);
    expect(() => decodeMethodResponse('<!DOCTYPE x [<!ENTITY a "b">]><methodResponse/>')).toThrow(XmlRpcFormatError);
    expect(() => decodeMethodResponse('<methodResponse><params><param><value><int>4.5</int></value></param></params></methodResponse>')).toThrow(/not an integer/);
  });
});
