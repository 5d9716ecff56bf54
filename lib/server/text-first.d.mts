/** How long the loader waits for the first contentful paint before asking for the scripts anyway. */
export declare const PAINT_WAIT_MS: number;
/** The inline loader that asks for `sources` after the first contentful paint. */
export declare function loaderScript(sources: string[]): string;
/** A prerendered page with its script files asked for after its first paint (unchanged if already so). */
export declare function textFirst(html: string): string;
/** Rewrites every prerendered page of the build in `distDir`; returns how many were rewritten. */
export declare function textFirstBuild(distDir: string): number;
/** V8's explicit compile hint: the file's functions are compiled while it downloads. */
export declare const COMPILE_HINT: string;
/** The script files a rewritten page's loader asks for (none for a page not rewritten). */
export declare function loaderSources(html: string): string[];
/** The script file beginning with COMPILE_HINT (unchanged if it already does). */
export declare function withCompileHint(js: string): string;
/** Marks every script file a prerendered page of the build asks for at load; returns how many changed. */
export declare function compileHintBuild(distDir: string): number;
