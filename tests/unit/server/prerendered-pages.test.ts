import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '@/lib/server/prerendered-pages';

const sha = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, as a CSP hash-source', () => {
    const first = 'self.__next_f.push([1,"a\\u003c/script>"])';
    const second = '\n  (self.__next_f=self.__next_f||[]).push([0])\n';
    const html = `<html><head><script>${first}</script></head><body><p>x</p><script id="x">${second}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(first), sha(second)]);
  });

  it('leaves out script files, which the policy allows as the site’s own', () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script async src="/b.js"></script>';
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('lists a script repeated on the page once', () => {
    expect(inlineScriptHashes('<script>1</script><script>1</script>')).toEqual([sha('1')]);
  });

  it('matches the hash a browser computes for non-ASCII text (UTF-8)', () => {
    expect(inlineScriptHashes('<script>"é—’"</script>')).toEqual([sha('"é—’"')]);
  });
});
