import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { codecCors } from './codec-cors';
import type { CodecSettings } from './codec-settings';
import { CODEC_SETTINGS } from './codec.tokens';

/**
 * CORS for the codec endpoint only: the Temporal Web UI, served from another origin, calls it from the browser.
 * Preflights are answered here, before any guard runs, because a browser never sends credentials on them; the POST
 * itself stays authenticated, and its 401/403 answers carry the CORS headers so the UI can read them.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  constructor(@Inject(CODEC_SETTINGS) private readonly settings: CodecSettings) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const { headers, preflight } = codecCors(this.settings, req.method ?? 'GET', req.headers.origin);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!preflight) {
      next();
      return;
    }
    res.statusCode = 204;
    res.end();
  }
}
