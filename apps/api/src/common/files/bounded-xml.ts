import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UnsafeFileError } from './unsafe-file.js';

export interface XmlLimits {
  /** Open elements at once: a real OOXML part stays under a few dozen levels. */
  maxDepth: number;
  /** Elements in the part (absent: bounded by the part's size alone). */
  maxElements?: number;
}

/** What `rewriteXml` does with each element and attribute (names as written, with their prefix). */
export interface XmlRules {
  /** Keep an element, keep it with no content, or drop it with everything inside. */
  element?(name: string, attributes: Readonly<Record<string, string>>): 'keep' | 'empty' | 'drop';
  /** The attribute's new value, or null to drop it. */
  attribute?(element: string, name: string, value: string): string | null;
}

/** The local part of a qualified name (`w:author` → `author`). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * XML bytes as text: UTF-16 when a byte order mark says so, otherwise UTF-8 (the OOXML defaults).
 * Bytes that are not valid in that encoding make the part malformed.
 */
export function decodeXml(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnsafeFileError('xml_malformed');
  }
}

/**
 * Parses a part with a streaming parser (saxes: no recursion, no DTD, no external entities) and
 * stops at the first element past `maxDepth` or `maxElements`, so 10^5 unclosed tags cost one
 * pass over the bytes and no more. A DOCTYPE is refused: OOXML never has one, and it is how
 * entity expansion attacks start.
 */
export function scanXml(bytes: Uint8Array, limits: XmlLimits, onElement?: (name: string) => void): void {
  walk(decodeXml(bytes), limits, { open: (tag) => onElement?.(tag.name) });
}

/**
 * Writes a part again, applying `rules`, from the parser's events: text and attribute values are
 * escaped afresh, so nothing the rules removed survives in a comment or an entity trick. The
 * result is UTF-8 with an XML declaration saying so.
 */
export function rewriteXml(bytes: Uint8Array, limits: XmlLimits, rules: XmlRules): Buffer {
  const out: string[] = [];
  /** Depth of the element whose content is being left out (0: none). */
  let skipFrom = 0;
  let depth = 0;
  const emptied: boolean[] = [];
  walk(decodeXml(bytes), limits, {
    declaration: (standalone) => out.push(`<?xml version="1.0" encoding="UTF-8"${standalone ? ` standalone="${escapeAttribute(standalone)}"` : ''}?>`),
    open: (tag) => {
      depth += 1;
      if (skipFrom) return;
      const action = rules.element?.(tag.name, tag.attributes) ?? 'keep';
      if (action === 'drop') {
        skipFrom = depth;
        return;
      }
      out.push(`<${tag.name}${attributes(tag, rules)}${tag.isSelfClosing ? '/>' : '>'}`);
      if (action === 'empty' && !tag.isSelfClosing) skipFrom = depth;
      emptied[depth] = action === 'empty';
    },
    close: (tag) => {
      const closing = depth;
      depth -= 1;
      if (skipFrom && closing > skipFrom) return;
      if (skipFrom === closing) {
        skipFrom = 0;
        if (!emptied[closing]) return; // dropped: nothing to close
      }
      if (!tag.isSelfClosing) out.push(`</${tag.name}>`);
    },
    text: (text) => {
      if (!skipFrom) out.push(escapeText(text));
    },
    cdata: (text) => {
      if (!skipFrom) out.push(`<![CDATA[${text}]]>`);
    },
    comment: (text) => {
      if (!skipFrom) out.push(`<!--${text}-->`);
    },
    instruction: (target, body) => {
      if (!skipFrom) out.push(`<?${target}${body ? ` ${body}` : ''}?>`);
    },
  });
  return Buffer.from(out.join(''), 'utf8');
}

interface Handlers {
  declaration?(standalone: string | undefined): void;
  open?(tag: SaxesTagPlain): void;
  close?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  cdata?(text: string): void;
  comment?(text: string): void;
  instruction?(target: string, body: string): void;
}

function walk(xml: string, limits: XmlLimits, handlers: Handlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let elements = 0;
  // Throwing from a handler stops saxes at once: the rest of the part is never read.
  parser.on('error', () => {
    throw new UnsafeFileError('xml_malformed');
  });
  parser.on('doctype', () => {
    throw new UnsafeFileError('xml_doctype');
  });
  parser.on('xmldecl', (declaration) => handlers.declaration?.(declaration.standalone));
  parser.on('opentag', (tag) => {
    depth += 1;
    elements += 1;
    if (depth > limits.maxDepth) throw new UnsafeFileError('xml_too_deep', limits.maxDepth);
    if (limits.maxElements !== undefined && elements > limits.maxElements) throw new UnsafeFileError('xml_too_many_elements', limits.maxElements);
    handlers.open?.(tag);
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    handlers.close?.(tag);
  });
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.cdata) parser.on('cdata', handlers.cdata);
  if (handlers.comment) parser.on('comment', handlers.comment);
  if (handlers.instruction) parser.on('processinginstruction', (pi) => handlers.instruction!(pi.target, pi.body));
  parser.write(xml).close();
}

function attributes(tag: SaxesTagPlain, rules: XmlRules): string {
  let result = '';
  for (const [name, value] of Object.entries(tag.attributes)) {
    const kept = rules.attribute ? rules.attribute(tag.name, name, value) : value;
    if (kept !== null) result += ` ${name}="${escapeAttribute(kept)}"`;
  }
  return result;
}

const escapeText = (text: string): string => text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
// Tabs and line breaks as references: written raw, a parser would fold them into spaces.
const escapeAttribute = (text: string): string =>
  text.replace(/[&<"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
