import type { IncomingMessage, ServerResponse } from 'node:http';

/** The build's prerendered pages, answered from memory by the production server. */
export declare class StaticPages {
  constructor(distDir: string);
  /** The prerendered pages' paths, from the build's prerender manifest. */
  routes: string[];
  /** Fetches each page once from the running server and keeps it; returns what was not kept, with why. */
  load(origin: string): Promise<string[]>;
  /** Answers a plain GET of a kept page and returns true; returns false for any other request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}
