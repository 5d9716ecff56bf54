// The production server's direct call of a built route's POST (lib/server/direct-route.mjs,
// decision 20), against real HTTP servers: an upstream that answers the probe as Next.js does,
// with the headers of next.config.mjs, and a front that serves the route directly or passes the
// request on, as scripts/server.mjs does. A built route module is written as the build writes
// one (CommonJS, `routeModule.ensureUserland()` and `routeModule.userland.POST`). The real
// route, through the real server, is what every browser test and bench submits to; the
// security test checks its headers there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectRoute } from '@/lib/server/direct-route.mjs';
import { httpRequest, listen } from './http';

const CONFIG_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
];

/** A built route whose POST echoes what it was given; the body `{"throw":true}` makes it throw. */
const ROUTE = `
let loaded = false;
exports.routeModule = {
  async ensureUserland() { loaded = true; },
  get userland() {
    if (!loaded) throw new Error('The lazy module is still loading.');
    return {
      async POST(request) {
        if (request.headers.get('x-read-none')) {
          // As the real handler does with a Content-Length over its limit: answer without reading.
          return Response.json({ ok: false }, { status: 413 });
        }
        if (request.headers.get('x-read-some')) {
          // As the real handler does with a body over its limit: stop reading, answer 413.
          const reader = request.body.getReader();
          await reader.read();
          await reader.cancel();
          return Response.json({ ok: false }, { status: 413 });
        }
        const text = await request.text();
        if (text === '{"throw":true}') throw new Error('handler failed');
        return Response.json(
          { body: text, origin: request.headers.get('origin'), cookie: request.headers.get('cookie'), url: request.url },
          { status: 201, headers: { 'cache-control': 'no-store' } },
        );
      },
    };
  },
};
`;

let dist: string;
let upstream: Server;
let front: Server;
let origin: string;
let route: DirectRoute;
const seen: string[] = [];

/** A request of the front, its answer's body as text. */
async function send(url: string, method: string, headers: Record<string, string>, body = '', agent?: Agent) {
  const answer = await httpRequest(url, { method, headers, body, agent });
  return { ...answer, body: answer.body.toString('utf8') };
}

function writeRoute(dir: string, source: string) {
  mkdirSync(path.join(dir, 'server', 'app', 'api', 'submissions'), { recursive: true });
  writeFileSync(path.join(dir, 'server', 'app', 'api', 'submissions', 'route.js'), source);
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'close-read-direct-route-'));
  writeRoute(dist, ROUTE);
  upstream = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.statusCode = req.headers['content-type'] === 'application/json' ? 200 : 415;
    for (const [name, value] of CONFIG_HEADERS) res.setHeader(name, value);
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify({ from: 'next' }));
  });
  const upstreamOrigin = await listen(upstream);
  route = await DirectRoute.load({
    distDir: dist,
    pathname: '/api/submissions',
    origin: upstreamOrigin,
    RequestClass: Request,
  });
  front = createServer((req, res) => {
    if (route.serve(req, res)) return;
    req.resume();
    req.on('end', () => {
      res.statusCode = 299;
      res.end('passed on');
    });
  });
  origin = await listen(front);
});

afterAll(async () => {
  await new Promise((r) => front.close(r));
  await new Promise((r) => upstream.close(r));
  rmSync(dist, { recursive: true, force: true });
});

describe('DirectRoute', () => {
  it('reads the headers Next.js adds from one refused probe, without the handler’s own or the connection’s', () => {
    expect(seen).toEqual(['POST /api/submissions']);
    expect(route.headers).toHaveLength(CONFIG_HEADERS.length + 1);
    expect(route.headers).toEqual(expect.arrayContaining([...CONFIG_HEADERS, ['x-served-from', 'handler']]));
  });

  it('hands a POST of the route to the handler with its body and headers, and answers with the handler’s status and headers and the config’s, once each', async () => {
    const body = JSON.stringify({ answers: [{ label: 'sourcing', start: 0, end: 4 }], note: 'é “quotes”' });
    const answer = await send(
      `${origin}/api/submissions`,
      'POST',
      { 'content-type': 'application/json', origin: 'http://school.example', cookie: 'cr_student=abc' },
      body,
    );
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({
      body,
      origin: 'http://school.example',
      cookie: 'cr_student=abc',
      url: `${origin}/api/submissions`,
    });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-served-from']).toBe('handler');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    const names = answer.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    for (const [name, value] of CONFIG_HEADERS) {
      expect(answer.headers[name], name).toBe(value);
      expect(
        names.filter((n) => n === name),
        `${name} once`,
      ).toHaveLength(1);
    }
    expect(seen).toHaveLength(1);
  });

  it('answers a handler that stops reading a large body or never reads it, and keeps the connection usable for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const json = { 'content-type': 'application/json' };
      const big = await send(
        `${origin}/api/submissions`,
        'POST',
        { ...json, 'x-read-some': '1' },
        'x'.repeat(2 * 1024 * 1024),
        agent,
      );
      expect(big.status).toBe(413);
      const next = await send(`${origin}/api/submissions`, 'POST', json, '{"after":true}', agent);
      expect(next.status).toBe(201);
      expect(JSON.parse(next.body).body).toBe('{"after":true}');
      const unread = await send(
        `${origin}/api/submissions`,
        'POST',
        { ...json, 'x-read-none': '1' },
        'y'.repeat(2 * 1024 * 1024),
        agent,
      );
      expect(unread.status).toBe(413);
      const last = await send(`${origin}/api/submissions`, 'POST', json, '{"last":true}', agent);
      expect(JSON.parse(last.body).body).toBe('{"last":true}');
    } finally {
      agent.destroy();
    }
  });

  it('passes every other request on: another method, another address, a query string', async () => {
    for (const [method, url] of [
      ['GET', '/api/submissions'],
      ['PUT', '/api/submissions'],
      ['POST', '/api/submissions?x=1'],
      ['POST', '/api/account'],
    ] as const) {
      const answer = await send(
        origin + url,
        method,
        { 'content-type': 'application/json' },
        method === 'GET' ? '' : '{}',
      );
      expect(answer.status, `${method} ${url}`).toBe(299);
      expect(answer.body).toBe('passed on');
    }
  });

  it('answers a handler that throws with a 500 carrying the config’s headers, and keeps serving', async () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      const failed = await send(
        `${origin}/api/submissions`,
        'POST',
        { 'content-type': 'application/json' },
        '{"throw":true}',
      );
      expect(failed.status).toBe(500);
      expect(failed.headers['x-content-type-options']).toBe('nosniff');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
    }
    const next = await send(`${origin}/api/submissions`, 'POST', { 'content-type': 'application/json' }, '{}');
    expect(next.status).toBe(201);
  });

  it('refuses a build whose route is not in the shape it knows, or a probe Next.js answers otherwise', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'close-read-direct-route-'));
    try {
      const upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
      const load = (pathname = '/api/submissions') =>
        DirectRoute.load({ distDir: other, pathname, origin: upstreamOrigin, RequestClass: Request });
      writeRoute(other, 'exports.handler = function () {};');
      await expect(load()).rejects.toThrow(/has no route module/);
      mkdirSync(path.join(other, 'server', 'app', 'api', 'other'), { recursive: true });
      writeFileSync(
        path.join(other, 'server', 'app', 'api', 'other', 'route.js'),
        'exports.routeModule = { async ensureUserland() {}, userland: { GET() {} } };',
      );
      await expect(load('/api/other')).rejects.toThrow(/has no POST handler/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
