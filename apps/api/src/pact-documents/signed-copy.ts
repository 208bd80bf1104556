import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError, UnsupportedDocumentTypeError } from '../common/api-errors';

/** The types a signed copy may be, told from their first bytes: a (digitally signed) PDF, or a scan. */
export const SIGNED_COPY_TYPES = [
  { mediaType: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { mediaType: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { mediaType: 'image/png', extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
] as const;

/** The media type of an upload, sniffed from its bytes (the name and `Content-Type` are not trusted); 400 for any other. */
export function sniffSignedCopy(content: Buffer): (typeof SIGNED_COPY_TYPES)[number] {
  const type = SIGNED_COPY_TYPES.find((t) => content.length > t.magic.length && content.subarray(0, t.magic.length).equals(t.magic));
  if (!type) throw new UnsupportedDocumentTypeError();
  return type;
}

/** `10mb`, `512kb`, `100b` in bytes (powers of 1024, as body-parser counts). */
export function byteCount(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as 'b' | 'kb' | 'mb'];
}

/**
 * The raw request body, at most `limit` bytes (413 beyond, before reading when `Content-Length` says so). A body some
 * parser already took (JSON) is no document: 400.
 */
export async function readUpload(req: IncomingMessage, limit: string): Promise<Buffer> {
  const max = byteCount(limit);
  if (req.readableEnded) throw new UnsupportedDocumentTypeError();
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw new PayloadTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new PayloadTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
