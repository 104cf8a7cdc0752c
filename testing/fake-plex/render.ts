// Writing answers the way plex.tv does: JSON when Accept asks for it, XML otherwise
// (errors included). Every answer carries Content-Length so keep-alive connections work.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlexError } from './errors';

export type Format = 'json' | 'xml';

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** plex.tv answers JSON only when the Accept header mentions application/json. */
export function negotiate(req: IncomingMessage): Format {
  const accept = req.headers.accept ?? '';
  return accept.toLowerCase().includes('application/json') ? 'json' : 'xml';
}

/** Sends a complete answer, unless the client has already gone away. */
export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string,
  contentType?: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  // 204 and 304 answers carry no body, so no Content-Length either.
  const bytes = status === 204 || status === 304 ? Buffer.alloc(0) : Buffer.from(body, 'utf8');
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (contentType !== undefined) res.setHeader('Content-Type', contentType);
  if (bytes.length > 0 || (status !== 204 && status !== 304)) res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

export function sendNoContent(res: ServerResponse): void {
  sendRaw(res, 204, '');
}

/** Control endpoints always speak JSON. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendRaw(res, status, JSON.stringify(value), JSON_TYPE);
}

/**
 * A plex.tv resource: `value` as JSON, or as an XML element named `root` (scalars as
 * attributes). `xmlValue` lets an answer look different in XML, e.g. ping's `<pong/>`.
 */
export function sendData(
  res: ServerResponse,
  format: Format,
  status: number,
  root: string,
  value: Record<string, unknown>,
  xmlValue: Record<string, unknown> = value,
): void {
  if (format === 'json') sendJson(res, status, value);
  else sendRaw(res, status, XML_DECLARATION + xmlElement(root, xmlValue), XML_TYPE);
}

/** A complete XML document (the declaration is added here). */
export function sendXml(res: ServerResponse, status: number, xml: string): void {
  sendRaw(res, status, XML_DECLARATION + xml, XML_TYPE);
}

export function sendError(res: ServerResponse, format: Format, error: PlexError): void {
  const { status, code, message } = error;
  if (format === 'json') {
    sendJson(res, status, { errors: [{ code, message, status }] });
  } else {
    const item = `<error code="${code}" message="${escapeXml(message)}" status="${status}"/>`;
    sendRaw(res, status, `${XML_DECLARATION}<errors>${item}</errors>`, XML_TYPE);
  }
}

// --- XML -------------------------------------------------------------------------

/**
 * Scalars become attributes (booleans as 1/0, as plex.tv writes them; nulls left out),
 * objects become child elements, arrays a wrapper with one child per item
 * (`roles: ['plexpass']` → `<roles><role id="plexpass"/></roles>`).
 */
export function xmlElement(name: string, value: Record<string, unknown>): string {
  const attributes: string[] = [];
  const children: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (Array.isArray(field)) children.push(xmlList(key, field));
    else if (typeof field === 'object') children.push(xmlElement(key, field as Record<string, unknown>));
    else attributes.push(` ${key}="${escapeXml(xmlScalar(field))}"`);
  }
  const open = `<${name}${attributes.join('')}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}

function xmlList(name: string, items: unknown[]): string {
  const itemName = name.endsWith('s') ? name.slice(0, -1) : `${name}Item`;
  const children = items.map((item) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? xmlElement(itemName, item as Record<string, unknown>)
      : `<${itemName} id="${escapeXml(xmlScalar(item))}"/>`,
  );
  return children.length === 0 ? `<${name}/>` : `<${name}>${children.join('')}</${name}>`;
}

function xmlScalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Escapes text for a double-quoted attribute; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
