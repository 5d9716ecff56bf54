// @ts-check
// What the production build made once for every reader, answered from memory by the production
// server (scripts/server.mjs) instead of passing each request through Next.js's request
// pipeline (decision 15):
// - the prerendered pages (lessons, articles, practice pages);
// - the build's static files under /_next/static (scripts, styles, the font), compressed once
//   instead of at every request.
// Plain JavaScript: the server runs it without a compile step.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Request headers that make Next.js answer with something other than the whole file or page
 * (the router's payload, a prefetch, a server action, part of the body, a check by date): such
 * a request always goes to Next.js.
 */
const PASS_THROUGH_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'range',
  'if-modified-since',
];

/** Response headers that belong to one connection or one encoding, set again per answer. */
export const PER_ANSWER_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

/** Content types worth compressing (a font file or an image is compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;

/**
 * @typedef {{ headers: [string, string][], body: Buffer, gzip: Buffer | null, br: Buffer | null,
 *   etag: string | null }} Entry
 */

/**
 * The encodings a request accepts (`accept-encoding`), without those it refuses with q=0.
 * @param {string | undefined} header
 * @returns {Set<string>}
 */
export function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Every file under `dir`, as paths relative to it with forward slashes.
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...filesUnder(path.join(dir, entry.name)).map((f) => `${entry.name}/${f}`));
    else if (entry.isFile()) found.push(entry.name);
  }
  return found;
}

/**
 * The pages the build prerendered, from its prerender manifest, each with its HTML file (routes
 * without one, such as the icon, are left out). Empty when there is no build.
 * @param {string} distDir the build's directory (`.next`)
 * @returns {Map<string, string>} route -> HTML file
 */
export function prerenderedHtmlFiles(distDir) {
  /** @type {Map<string, string>} */
  const found = new Map();
  const manifest = path.join(distDir, 'prerender-manifest.json');
  if (!existsSync(manifest)) return found;
  const { routes } = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const route of Object.keys(routes)) {
    const file = path.join(distDir, 'server', 'app', `${route === '/' ? '/index' : route}.html`);
    if (existsSync(file)) found.set(route, file);
  }
  return found;
}

/**
 * The prerendered pages a reader opens (lessons, articles, practice pages), each with its HTML
 * file: the prerender manifest's pages without Next's own error pages (`/_not-found`,
 * `/_global-error`), which are rendered per request with a nonce (decision 5).
 * @param {string} distDir the build's directory (`.next`)
 * @returns {Map<string, string>} route -> HTML file
 */
export function readerPageFiles(distDir) {
  const found = prerenderedHtmlFiles(distDir);
  for (const route of found.keys()) if (route.startsWith('/_')) found.delete(route);
  return found;
}

export class StaticPages {
  /** @type {string[]} */
  routes = [];
  /** @type {Map<string, Entry>} */
  entries = new Map();

  /**
   * @param {string} distDir the build's directory (`.next`)
   */
  constructor(distDir) {
    this.routes.push(...readerPageFiles(distDir).keys());
    for (const file of filesUnder(path.join(distDir, 'static'))) this.routes.push(`/_next/static/${file}`);
  }

  /**
   * Asks the running server (`origin`) once for each page and file, as a first visitor with no
   * cookie would, and keeps the answer: its headers as Next.js set them (the security headers,
   * a page's CSP by hashes, the caching rules), its body, and the body compressed once with
   * gzip and with Brotli. An answer that is not a plain 200, or that sets a cookie, is not
   * kept: that address stays with Next.js.
   * @param {string} origin
   * @returns {Promise<string[]>} the addresses that could not be kept, with why
   */
  async load(origin) {
    /** @type {string[]} */
    const skipped = [];
    /** @type {Promise<void>[]} */
    const compressing = [];
    for (const route of this.routes) {
      const response = await fetch(origin + route, {
        headers: { 'accept-encoding': 'identity' },
        redirect: 'manual',
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || response.headers.has('set-cookie')) {
        skipped.push(`${route}: HTTP ${response.status}${response.headers.has('set-cookie') ? ', sets a cookie' : ''}`);
        continue;
      }
      /** @type {[string, string][]} */
      const headers = [];
      for (const [name, value] of response.headers) if (!PER_ANSWER_HEADERS.has(name)) headers.push([name, value]);
      headers.push(['x-served-from', 'memory']);
      const etag = response.headers.get('etag');
      if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) {
        this.entries.set(route, { headers, body, gzip: null, br: null, etag });
        continue;
      }
      // Compressed on the thread pool, all at once; kept when both copies are ready.
      compressing.push(
        Promise.all([
          gzipAsync(body),
          brotliAsync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        ]).then(([gzipped, brotli]) => {
          this.entries.set(route, { headers, body, gzip: gzipped, br: brotli, etag });
        }),
      );
    }
    await Promise.all(compressing);
    return skipped;
  }

  /**
   * Answers the request from memory when it is a plain GET of a kept page or file (no query,
   * none of the headers above), in the best encoding it accepts. Returns false, having written
   * nothing, for every other request.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {boolean}
   */
  serve(req, res) {
    if (req.method !== 'GET' || req.url === undefined) return false;
    const entry = this.entries.get(req.url);
    if (!entry) return false;
    for (const name of PASS_THROUGH_HEADERS) if (req.headers[name] !== undefined) return false;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.etag !== null && req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    let body = entry.body;
    if (entry.br && accepted.has('br')) {
      body = entry.br;
      res.setHeader('content-encoding', 'br');
    } else if (entry.gzip && accepted.has('gzip')) {
      body = entry.gzip;
      res.setHeader('content-encoding', 'gzip');
    }
    res.setHeader('content-length', body.length);
    res.end(body);
    return true;
  }
}
