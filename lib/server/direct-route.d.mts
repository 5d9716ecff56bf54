import type { IncomingMessage, ServerResponse } from 'node:http';

type RequestClass = new (url: string, init: RequestInit & { duplex: 'half' }) => Request;

/** A built route's POST handler, called by the production server without Next.js's request pipeline. */
export declare class DirectRoute {
  constructor(
    pathname: string,
    handler: (request: Request) => Promise<Response>,
    headers: [string, string][],
    RequestClass: RequestClass,
  );
  pathname: string;
  /** The headers Next.js adds to the route's answers, replayed on each answer. */
  headers: [string, string][];
  /** Loads the route's POST from the build and the headers from one answer of Next.js at `origin`. */
  static load(options: {
    distDir: string;
    pathname: string;
    origin: string;
    RequestClass: RequestClass;
  }): Promise<DirectRoute>;
  /** Answers a POST of exactly this route and returns true; returns false for any other request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}
