// @ts-check
// Text first, code after (decision 19). The prerendered pages (lessons, articles, practice
// pages) are whole HTML: the text, its layout and its styles need no script. Next.js puts the
// page's script files in the head as `async` scripts, which a browser fetches while it parses
// the text and runs as soon as each one arrives, before or between the first paints. After
// the build, each prerendered page's script tags are replaced by one small inline script that
// asks for the same files once the browser has painted the text (its first contentful paint),
// so that on a slow connection the scripts do not share the line with the style sheet and the
// font, and on a slow processor they do not run before the text is on the screen.
// Plain JavaScript: the build runs it without a compile step.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readerPageFiles } from './static-pages.mjs';

/** The inline script's id: a page that has it was already rewritten. */
const MARK = 'cr-text-first';

/**
 * How long the loader waits for the first contentful paint before asking for the scripts
 * anyway (a browser that never reports one, a page kept from painting): the page then loads
 * as it would have without the loader.
 */
export const PAINT_WAIT_MS = 3000;

/**
 * The loader: asks for `sources` (in this order, each `async`, as Next.js's own tags did) once
 * the first contentful paint is reported, or after PAINT_WAIT_MS, whichever comes first; at
 * once where the browser cannot report paints.
 *
 * Then, each in a task of its own while the scripts download, it does two things the page's
 * hydration would otherwise do inside its own long tasks, both costly the first time in a page
 * (6-8 ms and 5-19 ms at full speed on the test machine, four times that on a slow laptop):
 * - it asks for the header's account (`/api/account`), which `AccountLinks` takes over
 *   (`window.__crAccount`) instead of asking again: the browser's first `fetch` of a page sets
 *   up its loader, and the answer comes sooner;
 * - it opens the page's `localStorage` (drafts, lesson progress): the first access reads the
 *   origin's storage from the browser process, synchronously.
 * @param {string[]} sources
 */
export function loaderScript(sources) {
  return `(function(){var s=${JSON.stringify(sources).replace(/</g, '\\u003c')},d=document,g=0;function go(){if(g)return;g=1;for(var i=0;i<s.length;i++){var e=d.createElement("script");e.src=s[i];e.async=true;d.head.appendChild(e)}setTimeout(function(){try{var a=fetch("/api/account",{cache:"no-store"});a.catch(function(){});window.__crAccount=a}catch(x){}},0);setTimeout(function(){try{localStorage.length}catch(x){}},0)}var t=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes;if(!t||t.indexOf("paint")<0){go();return}new PerformanceObserver(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(go,0)}}).observe({type:"paint",buffered:true});setTimeout(go,${PAINT_WAIT_MS})})()`;
}

/**
 * A prerendered page with its script files asked for after the first paint: Next.js's
 * `<script src async>` tags and `<link rel="preload" as="script">` hints removed, and the
 * loader put at the end of the head. Inline scripts (the page's data) and the `noModule`
 * fallback stay as they are. A page already rewritten is returned unchanged.
 * @param {string} html
 * @returns {string}
 */
export function textFirst(html) {
  if (html.includes(`<script id="${MARK}">`)) return html;
  /** @type {string[]} */
  const sources = [];
  let page = html.replace(/<script src="([^"]+)" async=""><\/script>/g, (_, src) => {
    if (!sources.includes(src)) sources.push(src);
    return '';
  });
  page = page.replace(/<link rel="preload" as="script"[^>]*\/>/g, '');
  if (sources.length === 0) {
    // Next.js wrote its tags another way: fail the build rather than serve a page whose
    // scripts are asked for twice or never.
    throw new Error('text-first: no `<script src async>` tag found in a prerendered page');
  }
  if (/<script\b(?=[^>]*\ssrc=)(?=[^>]*\sasync)[^>]*>/.test(page)) {
    throw new Error('text-first: an async script tag of a form this step does not know is left in a page');
  }
  const end = page.indexOf('</head>');
  if (end < 0) throw new Error('text-first: a prerendered page has no </head>');
  return `${page.slice(0, end)}<script id="${MARK}">${loaderScript(sources)}</script>${page.slice(end)}`;
}

/**
 * Rewrites every prerendered page of the build in `distDir`, before any server has read one.
 * @param {string} distDir
 * @returns {number} how many pages were rewritten
 */
export function textFirstBuild(distDir) {
  let count = 0;
  for (const file of readerPageFiles(distDir).values()) if (rewrite(file, textFirst)) count += 1;
  return count;
}

/**
 * Writes `file` through `change`, only when that changes it.
 * @param {string} file
 * @param {(text: string) => string} change
 * @returns {boolean} whether the file was written
 */
function rewrite(file, change) {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  if (changed === text) return false;
  writeFileSync(file, changed);
  return true;
}

/**
 * V8's explicit compile hint (Chrome 136 and later): a file that begins with it has every
 * function compiled while it downloads, on a background thread. Without it V8 compiles a
 * function on the main thread the first time it is called, and the bundler wraps each module
 * in a function called once at load: React's own module alone was most of a first load's
 * main-thread time at 4x. Other browsers read a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * The script files a rewritten page's loader asks for, or none for a page not rewritten.
 * @param {string} html
 * @returns {string[]}
 */
export function loaderSources(html) {
  const found = new RegExp(`<script id="${MARK}">\\(function\\(\\)\\{var s=(\\[[^\\]]*\\]),`).exec(html);
  return found ? JSON.parse(/** @type {string} */ (found[1])) : [];
}

/**
 * A script file that begins with COMPILE_HINT; one that already does is returned unchanged.
 * @param {string} js
 */
export function withCompileHint(js) {
  return js.startsWith(COMPILE_HINT) ? js : COMPILE_HINT + js;
}

/**
 * Puts COMPILE_HINT at the top of every script file a prerendered page asks for at load: the
 * framework and each page's own code, all run as the page hydrates. Files loaded later (the
 * answer boxes' code) are left as they are. Run after textFirstBuild.
 * @param {string} distDir
 * @returns {number} how many files were changed
 */
export function compileHintBuild(distDir) {
  /** @type {Set<string>} */
  const sources = new Set();
  for (const file of readerPageFiles(distDir).values()) {
    for (const src of loaderSources(readFileSync(file, 'utf8'))) sources.add(src);
  }
  let count = 0;
  for (const src of sources) {
    if (!src.startsWith('/_next/static/'))
      throw new Error(`text-first: a page asks for a script outside the build: ${src}`);
    const file = path.join(distDir, 'static', src.slice('/_next/static/'.length));
    if (!existsSync(file)) throw new Error(`text-first: a page asks for ${src}, which the build does not have`);
    if (rewrite(file, withCompileHint)) count += 1;
  }
  return count;
}
