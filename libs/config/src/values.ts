import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Schemas of the kinds of value the product's variables hold, from the (trimmed, non-blank) text of the variable to
 * the value. Their messages complete a sentence that starts with the variable's name.
 */

/** Any text. */
export const text = (): z.ZodType<string> => z.string();

/** A whole number within bounds. */
export function wholeNumber(min: number, max: number): z.ZodType<number> {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** A TCP port number. */
export const port = (): z.ZodType<number> => wholeNumber(1, 65_535);

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/** `true`/`false` (or `1`/`0`), any case. */
export function trueFalse(): z.ZodType<boolean> {
  return z
    .string()
    .transform((s) => s.toLowerCase())
    .refine((s) => TRUE.has(s) || FALSE.has(s), 'must be true or false')
    .transform((s) => TRUE.has(s));
}

/** `on`/`off`, any case. */
export function onOff(): z.ZodType<boolean> {
  return z
    .string()
    .transform((s) => s.toLowerCase())
    .refine((s) => s === 'on' || s === 'off', 'must be on or off')
    .transform((s) => s === 'on');
}

/** One of a few words. */
export function oneOf<const W extends readonly [string, ...string[]]>(words: W): z.ZodType<W[number]> {
  return z
    .string()
    .refine((s) => (words as readonly string[]).includes(s), `must be one of ${words.join(', ')}`)
    .transform((s) => s as W[number]);
}

/** A URL whose scheme is one of `protocols` (without the colon), e.g. `url(['postgres', 'postgresql'], 'postgres://…')`. */
export function url(protocols: readonly string[], example: string): z.ZodType<string> {
  return z.string().refine((s) => {
    try {
      const parsed = new URL(s);
      return protocols.includes(parsed.protocol.slice(0, -1)) && parsed.host !== '';
    } catch {
      return false;
    }
  }, `must be a URL such as ${example}`);
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** An IP address or a host name. */
export function host(): z.ZodType<string> {
  return z.string().refine((s) => isIP(s) !== 0 || HOSTNAME.test(s), 'must be an IP address or a host name');
}

/** `host:port`, the host a name, an IPv4 address or a bracketed IPv6 address. */
export function hostAndPort(): z.ZodType<string> {
  return z.string().refine((s) => {
    const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(s);
    if (!match) return false;
    const name = match[1] ?? match[2] ?? '';
    const portNumber = Number(match[3]);
    return (match[1] ? isIP(name) === 6 : isIP(name) === 4 || HOSTNAME.test(name)) && portNumber >= 1 && portNumber <= 65_535;
  }, 'must be host:port, such as 127.0.0.1:7233');
}

/** The path of a file this process may read (checked at start, so a wrong path is named before any connection). */
export function readableFile(): z.ZodType<string> {
  return z.string().refine((p) => {
    try {
      accessSync(p, constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }, 'must name a readable file');
}

/** A body size such as `100kb` or `1mb`. */
export function byteSize(): z.ZodType<string> {
  return z.string().regex(/^\d+(?:b|kb|mb)$/i, 'must be a size such as 100kb or 1mb');
}

/** Comma-separated entries, each parsed by `item`; blank entries are skipped. */
export function commaList<T>(item: z.ZodType<T>): z.ZodType<T[]> {
  return z.string().transform((s, ctx) => {
    const out: T[] = [];
    for (const entry of s.split(',').map((e) => e.trim()).filter(Boolean)) {
      const parsed = item.safeParse(entry);
      if (parsed.success) out.push(parsed.data);
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${issue.message} (entry '${entry}')` });
    }
    return out;
  });
}
