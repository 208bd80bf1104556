import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeError, UnsupportedImportFileError } from '../common/api-errors';
import { byteCount } from '../pact-documents/signed-copy';

/** Bytes kept in memory from each end of an upload: what sniffing its type and its CSV header need. */
const EDGE = 64 * 1024;

/**
 * An intake list spooled to a temporary file (issue 19, scale): the API holds only its first and last 64 KiB and
 * whether its bytes are valid UTF-8 (decided chunk by chunk while it is written), never the whole file, whatever its
 * size up to `API_IMPORT_LIMIT`. `open()` reads it again, streaming; `dispose()` removes it.
 */
export interface SpooledUpload {
  size: number;
  head: Buffer;
  tail: Buffer;
  utf8: boolean;
  open(): Readable;
  dispose(): Promise<void>;
}

/**
 * Receives the raw request body into a temporary file, at most `limit` bytes (413 beyond, before reading when
 * `Content-Length` says so). A body some parser already took (JSON) is not a list: 400.
 */
export async function spoolUpload(req: IncomingMessage, limit: string): Promise<SpooledUpload> {
  const max = byteCount(limit);
  if (req.readableEnded) throw new UnsupportedImportFileError('the body is not a CSV or XLSX file');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw new PayloadTooLargeError(limit);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sal-import-'));
  const file = path.join(dir, 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let utf8 = true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > max) throw new PayloadTooLargeError(limit);
          if (head.length < EDGE) head = Buffer.concat([head, chunk.subarray(0, EDGE - head.length)]);
          tail = Buffer.concat([tail, chunk]);
          if (tail.length > EDGE) tail = Buffer.from(tail.subarray(tail.length - EDGE));
          if (utf8) {
            try {
              decoder.decode(chunk, { stream: true });
            } catch {
              utf8 = false;
            }
          }
          yield chunk;
        }
        if (utf8) {
          try {
            decoder.decode();
          } catch {
            utf8 = false;
          }
        }
      },
      createWriteStream(file),
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  return { size, head, tail, utf8, open: () => createReadStream(file, { highWaterMark: EDGE }), dispose };
}
