// The production server's memory of prerendered pages (lib/server/static-pages.mjs), against
// real HTTP servers: an upstream that answers as Next.js does, and a front that serves from
// memory or passes the request on, as scripts/server.mjs does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, StaticPages } from '@/lib/server/static-pages.mjs';
import { type HttpAnswer, httpRequest, listen } from './http';

const PAGE = '<!DOCTYPE html><html><body><h1>Who says so?</h1><p>é — “quotes”</p></body></html>'.repeat(50);
const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='";
const SCRIPT = 'self.__chunk=function(){return "a long enough script to be worth compressing"};\n'.repeat(40);
const FONT = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));

let dist: string;
let upstream: Server;
let front: Server;
let origin: string;
let pages: StaticPages;
/** Requests the upstream (standing in for Next.js) has answered, as "METHOD url". */
const seen: string[] = [];

/** A GET (or `method`) of `url`, answered whole. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  return httpRequest(url, { method, headers });
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'close-read-static-'));
  const routes = ['/_global-error', '/lessons/who-says-so', '/lessons/sets-cookie', '/lessons/gone', '/icon.svg'];
  writeFileSync(
    path.join(dist, 'prerender-manifest.json'),
    JSON.stringify({ routes: Object.fromEntries(routes.map((r) => [r, {}])) }),
  );
  mkdirSync(path.join(dist, 'server', 'app', 'lessons'), { recursive: true });
  mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
  mkdirSync(path.join(dist, 'static', 'media'), { recursive: true });
  writeFileSync(path.join(dist, 'static', 'chunks', 'a.js'), SCRIPT);
  writeFileSync(path.join(dist, 'static', 'media', 'serif.woff2'), FONT);
  for (const route of ['/_global-error', '/lessons/who-says-so', '/lessons/sets-cookie', '/lessons/gone'])
    writeFileSync(path.join(dist, 'server', 'app', `${route}.html`), PAGE);

  upstream = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/lessons/gone') {
      res.statusCode = 404;
      res.end('not here');
      return;
    }
    if (req.url?.startsWith('/_next/static/')) {
      const script = req.url.endsWith('.js');
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('content-type', script ? 'application/javascript; charset=UTF-8' : 'font/woff2');
      res.setHeader('x-content-type-options', 'nosniff');
      res.end(script ? SCRIPT : FONT);
      return;
    }
    if (req.url === '/lessons/sets-cookie') res.setHeader('set-cookie', 'session=1');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('etag', '"v1"');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(req.headers.rsc ? 'router payload' : PAGE);
  });
  const upstreamOrigin = await listen(upstream);
  pages = new StaticPages(dist);
  front = createServer((req, res) => {
    if (pages.serve(req, res)) return;
    const proxied = request(`${upstreamOrigin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(proxied);
  });
  origin = await listen(front);
  expect(await pages.load(upstreamOrigin)).toEqual([
    '/lessons/sets-cookie: HTTP 200, sets a cookie',
    '/lessons/gone: HTTP 404',
  ]);
});

afterAll(() => {
  front?.close();
  upstream?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('StaticPages', () => {
  it('lists the prerendered pages that have HTML, without Next’s own error pages, then the static files', () => {
    expect(pages.routes).toEqual([
      '/lessons/who-says-so',
      '/lessons/sets-cookie',
      '/lessons/gone',
      '/_next/static/chunks/a.js',
      '/_next/static/media/serif.woff2',
    ]);
  });

  it('answers a kept page from memory with the headers and body the upstream gave', async () => {
    seen.length = 0;
    const answer = await get(`${origin}/lessons/who-says-so`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString('utf8')).toBe(PAGE);
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
    expect(answer.headers['content-security-policy']).toBe(CSP);
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['x-served-from']).toBe('memory');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('compresses a page for a reader that accepts it, to the same bytes', async () => {
    const brotli = await get(`${origin}/lessons/who-says-so`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(PAGE);
    const answer = await get(`${origin}/lessons/who-says-so`, { 'accept-encoding': 'gzip, deflate' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(PAGE);
  });

  it('sends Brotli to a reader that accepts it, gzip to one that refuses Brotli, and a font as it is', async () => {
    seen.length = 0;
    const brotli = await get(`${origin}/_next/static/chunks/a.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(brotli.headers['x-content-type-options']).toBe('nosniff');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(SCRIPT);
    const noBrotli = await get(`${origin}/_next/static/chunks/a.js`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(noBrotli.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(noBrotli.body).toString('utf8')).toBe(SCRIPT);
    const font = await get(`${origin}/_next/static/media/serif.woff2`, { 'accept-encoding': 'gzip, br' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['x-served-from']).toBe('memory');
    expect(Buffer.compare(font.body, FONT)).toBe(0);
    expect(seen).toEqual([]);
  });

  it('answers 304 to a reader whose copy is current, and the page to one whose copy is not', async () => {
    const current = await get(`${origin}/lessons/who-says-so`, { 'if-none-match': '"v1"' });
    expect(current.status).toBe(304);
    expect(current.body.length).toBe(0);
    const stale = await get(`${origin}/lessons/who-says-so`, { 'if-none-match': '"v0"' });
    expect(stale.status).toBe(200);
    expect(stale.body.toString('utf8')).toBe(PAGE);
  });

  it('passes on every request that is not a plain GET of a kept page', async () => {
    seen.length = 0;
    const router = await get(`${origin}/lessons/who-says-so`, { rsc: '1' });
    expect(router.body.toString()).toBe('router payload');
    await get(`${origin}/lessons/who-says-so?x=1`);
    await get(`${origin}/lessons/who-says-so`, {}, 'POST');
    await get(`${origin}/lessons/who-says-so`, { 'next-router-prefetch': '1' });
    await get(`${origin}/lessons/who-says-so`, { range: 'bytes=0-10' });
    await get(`${origin}/_next/static/chunks/a.js`, { 'if-modified-since': 'Sun, 06 Dec 2026 10:00:00 GMT' });
    await get(`${origin}/_next/static/chunks/missing.js`);
    const withCookie = await get(`${origin}/lessons/sets-cookie`);
    expect(withCookie.headers['set-cookie']).toEqual(['session=1']);
    expect((await get(`${origin}/lessons/gone`)).status).toBe(404);
    expect(seen).toEqual([
      'GET /lessons/who-says-so',
      'GET /lessons/who-says-so?x=1',
      'POST /lessons/who-says-so',
      'GET /lessons/who-says-so',
      'GET /lessons/who-says-so',
      'GET /_next/static/chunks/a.js',
      'GET /_next/static/chunks/missing.js',
      'GET /lessons/sets-cookie',
      'GET /lessons/gone',
    ]);
  });

  it('keeps nothing when there is no build', () => {
    const none = new StaticPages(path.join(dist, 'missing'));
    expect(none.routes).toEqual([]);
  });

  it('reads which encodings a reader accepts, leaving out those refused with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, GZIP;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
