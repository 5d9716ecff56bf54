/** How long the loader waits for the first contentful paint before asking for the scripts anyway. */
export declare const PAINT_WAIT_MS: number;
/** The inline loader that asks for `sources` after the first contentful paint. */
export declare function loaderScript(sources: string[]): string;
/** A prerendered page with its script files asked for after its first paint (unchanged if already so). */
export declare function textFirst(html: string): string;
/** Rewrites every prerendered page of the build in `distDir`; returns how many were rewritten. */
export declare function textFirstBuild(distDir: string): number;
