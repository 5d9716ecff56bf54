import { describe, expect, it } from 'vitest';
import { MAX_ACTION_BODY_BYTES } from '@/lib/action-request';
import { jsonRequestHeadersProblem, parseJsonBody, readCappedText } from '@/lib/json-request';

const headers = (h: Record<string, string>) => new Headers({ host: 'school.example:3000', ...h });
const JSON_TYPE = { 'content-type': 'application/json' };

function stream(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe('JSON POST headers', () => {
  it('lets a same-origin JSON request through, and one from no browser (no Origin, no Sec-Fetch-Site)', () => {
    expect(
      jsonRequestHeadersProblem(
        headers({ ...JSON_TYPE, origin: 'http://school.example:3000', 'sec-fetch-site': 'same-origin' }),
      ),
    ).toBeNull();
    expect(jsonRequestHeadersProblem(headers({ 'content-type': 'application/json; charset=utf-8' }))).toBeNull();
    // Behind a reverse proxy, the host the browser addressed is in X-Forwarded-Host.
    expect(
      jsonRequestHeadersProblem(
        headers({ ...JSON_TYPE, origin: 'https://read.school.example', 'x-forwarded-host': 'read.school.example' }),
      ),
    ).toBeNull();
  });

  it('refuses another site with 403, naming the header', () => {
    for (const site of ['cross-site', 'same-site']) {
      expect(jsonRequestHeadersProblem(headers({ ...JSON_TYPE, 'sec-fetch-site': site }))).toMatchObject({
        status: 403,
        field: 'Sec-Fetch-Site',
      });
    }
    for (const origin of ['https://evil.example', 'http://school.example:3001', 'null', 'not a url']) {
      expect(jsonRequestHeadersProblem(headers({ ...JSON_TYPE, origin }))).toMatchObject({
        status: 403,
        field: 'Origin',
        message: 'Requests from another site are refused. Nothing was saved.',
      });
    }
  });

  it('refuses what a form can send with 415, and a declared size over the limit with 413', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      expect(jsonRequestHeadersProblem(headers({ 'content-type': type }))).toMatchObject({
        status: 415,
        field: 'Content-Type',
      });
    }
    expect(jsonRequestHeadersProblem(headers({}))).toMatchObject({ status: 415 });
    expect(
      jsonRequestHeadersProblem(headers({ ...JSON_TYPE, 'content-length': String(MAX_ACTION_BODY_BYTES + 1) })),
    ).toMatchObject({ status: 413, field: 'body' });
  });
});

describe('JSON POST bodies', () => {
  it('reads a body in chunks, and stops at the limit even without a Content-Length', async () => {
    expect(await readCappedText(stream('{"a":', '"é"}'))).toEqual({ ok: true, text: '{"a":"é"}' });
    expect(await readCappedText(null)).toEqual({ ok: true, text: '' });
    expect(await readCappedText(stream('x'.repeat(600), 'x'.repeat(600)), 1000)).toMatchObject({
      ok: false,
      problem: { status: 413, message: 'The request is larger than 1 MiB. Nothing was saved.' },
    });
    expect(await readCappedText(stream('x'.repeat(1000)), 1000)).toMatchObject({ ok: true });
  });

  it('parses JSON, and answers bad JSON, an empty body and deep nesting with 400', () => {
    expect(parseJsonBody('{"exerciseId":"x"}')).toEqual({ ok: true, value: { exerciseId: 'x' } });
    expect(parseJsonBody('{zxc')).toEqual({
      ok: false,
      problem: { status: 400, field: 'body', message: 'The request could not be read. Nothing was saved.' },
    });
    expect(parseJsonBody('')).toMatchObject({ ok: false, problem: { status: 400, field: 'body' } });
    expect(parseJsonBody(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toMatchObject({
      ok: false,
      problem: { status: 400, message: 'The request is nested too deeply. Nothing was saved.' },
    });
  });
});
