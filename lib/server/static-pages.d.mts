import type { IncomingMessage, ServerResponse } from 'node:http';

/** Response headers that belong to one connection or one encoding, never kept or replayed. */
export declare const PER_ANSWER_HEADERS: Set<string>;

/** The encodings an `accept-encoding` header accepts, without those refused with q=0. */
export declare function acceptedEncodings(header: string | undefined): Set<string>;

/** The prerendered pages a reader opens (without Next's error pages), route -> HTML file. */
export declare function readerPageFiles(distDir: string): Map<string, string>;

/** The build's prerendered pages, route -> HTML file (empty when there is no build). */
export declare function prerenderedHtmlFiles(distDir: string): Map<string, string>;

/** The build's prerendered pages and static files, answered from memory by the production server. */
export declare class StaticPages {
  constructor(distDir: string);
  /** The addresses kept: the prerendered pages, then the build's static files. */
  routes: string[];
  /** Fetches each address once from the running server and keeps it; returns what was not kept, with why. */
  load(origin: string): Promise<string[]>;
  /** Answers a plain GET of a kept address and returns true; returns false for any other request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}
