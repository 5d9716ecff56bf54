import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getEnv } from './env';
import { prerenderedHtmlFiles } from './static-pages.mjs';

/**
 * The pages the production build rendered ahead of time (lessons, articles, practice pages:
 * the same for every reader), each with the CSP hashes ('sha256-…') of its inline scripts.
 * Next.js streams the page's data into inline scripts; in a prerendered page they are fixed
 * by the build, so a policy can allow exactly them by hash instead of by a per-request nonce
 * (decision 15). Read from the build's prerender manifest and HTML files on first use.
 */
let pages: Map<string, string[]> | undefined;

/** Inline scripts (no src) of an HTML document, as the browser hashes them: their exact text. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(match[1] ?? '')) continue;
    hashes.add(
      `sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}`,
    );
  }
  return [...hashes];
}

function load(distDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // No build (proxy.ts does not ask under `next dev`): every page renders per request.
  for (const [route, file] of prerenderedHtmlFiles(distDir))
    found.set(route, inlineScriptHashes(readFileSync(file, 'utf8')));
  return found;
}

/** The inline-script hashes of a prerendered page, or null for a page rendered per request. */
export function prerenderedScriptHashes(pathname: string): string[] | null {
  pages ??= load(getEnv().distDir);
  return pages.get(pathname) ?? null;
}
