// The production server that `npm start` runs: Next.js's request handler behind a plain Node
// HTTP server, with the prerendered pages (lessons, articles, practice pages: the same for
// every reader) answered from memory (lib/server/static-pages.mjs, decision 15), and the
// submissions (POST /api/submissions) handed to their route handler directly
// (lib/server/direct-route.mjs, decision 20).
// Flags: --hostname H. PORT sets the port (3000).
import { createServer } from 'node:http';
import { DirectRoute } from '../lib/server/direct-route.mjs';
import { StaticPages } from '../lib/server/static-pages.mjs';

process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const args = process.argv.slice(2);
const hostIndex = args.indexOf('--hostname');
const hostname = hostIndex >= 0 ? args[hostIndex + 1] : undefined;
const port = Number(process.env.PORT ?? '3000');
const distDir = process.env.NEXT_DIST_DIR || '.next';

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// After prepare(): Next.js's server modules expect the async storage it sets up there.
const { NextRequest } = await import('next/server.js');
const pages = new StaticPages(distDir);
/** @type {DirectRoute | null} */
let submissions = null;

function respond(req, res) {
  if (pages.serve(req, res)) return;
  if (submissions?.serve(req, res)) return;
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}

/** Listens on `listenPort` (0: any free one) and resolves to the server. */
function listen(listenPort, listenHost) {
  return new Promise((resolve, reject) => {
    const server = createServer(respond);
    server.once('error', reject);
    server.listen(listenPort, listenHost, () => resolve(server));
  });
}

// The pages are fetched through a private loopback port before the public one opens, so the
// first reader is already answered from memory.
const loader = await listen(0, '127.0.0.1');
const loaderOrigin = `http://127.0.0.1:${loader.address().port}`;
try {
  const t0 = performance.now();
  const skipped = await pages.load(loaderOrigin);
  for (const problem of skipped) console.warn(`close-read: served per request, not from memory: ${problem}`);
  const kept = pages.routes.length - skipped.length;
  console.log(`close-read: ${kept} pages and files kept in memory in ${Math.round(performance.now() - t0)} ms`);
} catch (error) {
  console.warn(`close-read: prerendered pages are served per request: ${error.message}`);
}
try {
  submissions = await DirectRoute.load({
    distDir,
    pathname: '/api/submissions',
    origin: loaderOrigin,
    RequestClass: NextRequest,
  });
} catch (error) {
  console.warn(`close-read: submissions go through Next.js's request pipeline: ${error.message}`);
} finally {
  loader.close();
}
const server = await listen(port, hostname);
console.log(`close-read: ready on http://${hostname ?? 'localhost'}:${port}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
