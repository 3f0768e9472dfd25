/**
 * Just enough XML for XML-RPC: elements, text, entities, CDATA, comments and the prolog.
 * Attributes are skipped (XML-RPC has none) and a DOCTYPE is refused, so no entity
 * expansion can be smuggled in.
 */
export interface XmlElement {
  name: string;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const skipPast = (terminator: string, what: string) => {
    const end = text.indexOf(terminator, at);
    if (end === -1) throw new XmlSyntaxError(`unterminated ${what}`);
    const skipped = text.slice(at, end);
    at = end + terminator.length;
    return skipped;
  };
  const addText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(value);
    else if (value.trim() !== '') throw new XmlSyntaxError('text outside the root element');
  };

  while (at < text.length) {
    if (!text.startsWith('<', at)) {
      const end = text.indexOf('<', at);
      const raw = text.slice(at, end === -1 ? text.length : end);
      at = end === -1 ? text.length : end;
      addText(decodeEntities(raw));
    } else if (text.startsWith('<?', at)) {
      at += 2;
      skipPast('?>', 'processing instruction');
    } else if (text.startsWith('<!--', at)) {
      at += 4;
      skipPast('-->', 'comment');
    } else if (text.startsWith('<![CDATA[', at)) {
      at += 9;
      addText(skipPast(']]>', 'CDATA section'));
    } else if (text.startsWith('<!', at)) {
      throw new XmlSyntaxError('document type declarations are not accepted');
    } else if (text.startsWith('</', at)) {
      at += 2;
      const name = skipPast('>', 'closing tag').trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlSyntaxError(`unexpected </${name}>`);
      if (stack.length === 0) root = open;
    } else {
      at += 1;
      const tag = skipPast('>', 'tag');
      const selfClosing = tag.endsWith('/');
      const name = /^[^\s/>]+/.exec(tag)?.[0];
      if (!name) throw new XmlSyntaxError('a tag without a name');
      const element: XmlElement = { name, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root !== null) throw new XmlSyntaxError('more than one root element');
      if (selfClosing) {
        if (!parent) root = element;
      } else {
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (root === null) throw new XmlSyntaxError('no root element');
  return root;
}

/** The element children of an element, ignoring the whitespace between them. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** All text directly inside an element. */
export function textOf(element: XmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError('a bare "&" in text');
    if (entity.startsWith('#')) {
      const codePoint = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (codePoint > 0x10ffff) throw new XmlSyntaxError(`${match} is not a character`);
      return String.fromCodePoint(codePoint);
    }
    const named = NAMED_ENTITIES.get(entity);
    if (named === undefined) throw new XmlSyntaxError(`unknown entity ${match}`);
    return named;
  });
}
