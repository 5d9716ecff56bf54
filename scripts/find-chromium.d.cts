/** Name of the environment variable that points at a Chromium executable. */
export declare const CHROMIUM_ENV: string;
/** Path of a Chromium for the browser tests, or null when none is installed. */
export declare function findChromium(): string | null;
