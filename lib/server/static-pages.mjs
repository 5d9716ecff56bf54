// @ts-check
// The pages the production build prerendered (lessons, articles, practice pages: the same for
// every reader, decision 15), answered from memory by the production server
// (scripts/server.mjs) instead of passing each request through Next.js's request pipeline.
// Plain JavaScript: the server runs it without a compile step.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Request headers that make Next.js answer a page URL with something other than the page's
 * HTML (the router's payload, a prefetch, a server action, part of the body): such a request
 * always goes to Next.js.
 */
const PASS_THROUGH_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'range',
];

/** Response headers that belong to one connection or one encoding, set again per answer. */
const PER_ANSWER_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

/**
 * @typedef {{ headers: [string, string][], body: Buffer, gzip: Buffer, etag: string | null }} Entry
 */

export class StaticPages {
  /** @type {string[]} */
  routes = [];
  /** @type {Map<string, Entry>} */
  entries = new Map();

  /**
   * @param {string} distDir the build's directory (`.next`)
   */
  constructor(distDir) {
    const manifest = path.join(distDir, 'prerender-manifest.json');
    if (!existsSync(manifest)) return;
    const { routes } = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const route of Object.keys(routes)) {
      // Next's own error pages are not addresses a reader opens.
      if (route.startsWith('/_')) continue;
      const file = path.join(distDir, 'server', 'app', `${route === '/' ? '/index' : route}.html`);
      if (existsSync(file)) this.routes.push(route);
    }
  }

  /**
   * Asks the running server (`origin`) once for each prerendered page, as a first visitor with
   * no cookie would, and keeps the answer: its headers as Next.js set them (the security
   * headers and the page's CSP by hashes included), its body, and the body gzipped once. An
   * answer that is not a plain 200, or that sets a cookie, is not kept: that page stays with
   * Next.js.
   * @param {string} origin
   * @returns {Promise<string[]>} the routes that could not be kept, with why
   */
  async load(origin) {
    /** @type {string[]} */
    const skipped = [];
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
      this.entries.set(route, { headers, body, gzip: gzipSync(body), etag: response.headers.get('etag') });
    }
    return skipped;
  }

  /**
   * Answers the request from memory when it is a plain GET of a kept page (no query, none of
   * the headers above). Returns false, having written nothing, for every other request.
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
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gzip : entry.body;
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', body.length);
    res.end(body);
    return true;
  }
}
