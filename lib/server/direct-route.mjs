// @ts-check
// POST /api/submissions answered by its route handler without Next.js's request pipeline
// (decision 20). A class submits at once; for 200 simultaneous submissions the pipeline
// (routing, the request and response adapters, tracing, async context) cost more of the
// server's one thread than the submissions themselves. The production server
// (scripts/server.mjs) loads the built route's `POST` once and calls it with a web Request made
// from the Node request; the answer carries the headers Next.js adds to that route
// (next.config.mjs's), read once from an answer Next.js itself gave. The handler is the same
// code: validation, who is asking, authorization, idempotency and the group commit.
// Plain JavaScript: the server runs it without a compile step.
import { createRequire } from 'node:module';
import path from 'node:path';
import { PER_ANSWER_HEADERS } from './static-pages.mjs';

/** Headers the handler sets on each answer itself. */
const HANDLER_HEADERS = new Set(['content-type', 'cache-control']);

/**
 * @typedef {(request: Request) => Promise<Response>} RouteHandler
 */

/**
 * The request's body as a web stream, and `drop()`, which reads and drops whatever of it the
 * handler has not read: a body refused by its length before it was read, or one the handler
 * stopped reading at its limit. The connection is not destroyed, so that the answer arrives and
 * the client's next request on the same connection finds it open.
 * @param {import('node:http').IncomingMessage} req
 * @returns {{ stream: ReadableStream<Uint8Array>, drop: () => void }}
 */
function requestBody(req) {
  let open = true;
  const drop = () => {
    open = false;
    req.resume();
  };
  const stream = new ReadableStream({
    start(controller) {
      req.on('data', (chunk) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel: drop,
  });
  return { stream, drop };
}

export class DirectRoute {
  /**
   * @param {string} pathname
   * @param {RouteHandler} handler
   * @param {[string, string][]} headers the headers Next.js adds to the route's answers
   * @param {new (url: string, init: RequestInit & { duplex: 'half' }) => Request} RequestClass
   */
  constructor(pathname, handler, headers, RequestClass) {
    this.pathname = pathname;
    this.handler = handler;
    this.headers = headers;
    this.RequestClass = RequestClass;
  }

  /**
   * Loads the `POST` of the built route at `pathname` from the build in `distDir`, and the
   * headers Next.js adds to its answers: from one request to the running server at `origin`
   * (the private loopback port) that the handler refuses before reading anything (a body that
   * is not JSON). Throws when the build's route is not in the shape this code knows (another
   * version of Next.js): the server then leaves the route to Next.js.
   * @param {{ distDir: string, pathname: string, origin: string,
   *   RequestClass: new (url: string, init: RequestInit & { duplex: 'half' }) => Request }} options
   * @returns {Promise<DirectRoute>}
   */
  static async load({ distDir, pathname, origin, RequestClass }) {
    const require = createRequire(import.meta.url);
    const file = path.resolve(distDir, 'server', 'app', ...pathname.split('/').filter(Boolean), 'route.js');
    const built = require(file);
    const routeModule = built?.routeModule;
    if (typeof routeModule?.ensureUserland !== 'function') throw new Error(`${file} has no route module`);
    await routeModule.ensureUserland();
    const handler = routeModule.userland?.POST;
    if (typeof handler !== 'function') throw new Error(`${file} has no POST handler`);
    const response = await fetch(origin + pathname, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '',
    });
    await response.arrayBuffer();
    if (response.status !== 415)
      throw new Error(`Next.js answered the probe of ${pathname} with HTTP ${response.status}`);
    /** @type {[string, string][]} */
    const headers = [];
    for (const [name, value] of response.headers) {
      if (!PER_ANSWER_HEADERS.has(name) && !HANDLER_HEADERS.has(name)) headers.push([name, value]);
    }
    headers.push(['x-served-from', 'handler']);
    return new DirectRoute(pathname, handler, headers, RequestClass);
  }

  /**
   * Answers a POST of exactly this route (no query) with the handler; returns false, having
   * written nothing, for every other request.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {boolean}
   */
  serve(req, res) {
    if (req.method !== 'POST' || req.url !== this.pathname) return false;
    this.answer(req, res).catch((error) => {
      // As Next.js answers a handler that throws: a 500, the error in the server's log.
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        for (const [name, value] of this.headers) res.setHeader(name, value);
      }
      res.end();
    });
    return true;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async answer(req, res) {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(/** @type {string} */ (req.rawHeaders[i]), /** @type {string} */ (req.rawHeaders[i + 1]));
    }
    const url = `http://${req.headers.host ?? 'localhost'}${req.url}`;
    const body = requestBody(req);
    const request = new this.RequestClass(url, {
      method: 'POST',
      headers,
      body: body.stream,
      duplex: 'half',
    });
    let response;
    try {
      response = await this.handler(request);
    } finally {
      body.drop();
    }
    const answer = Buffer.from(await response.arrayBuffer());
    res.statusCode = response.status;
    for (const [name, value] of this.headers) res.setHeader(name, value);
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader('content-length', answer.length);
    res.end(answer);
  }
}
