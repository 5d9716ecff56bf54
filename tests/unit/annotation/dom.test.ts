// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { indexParagraphs, offsetOf, rangesFor } from '@/lib/annotation/dom';

/** Two paragraphs at offsets 0 and 12 (a newline between them), the second with a mark inside. */
function article(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    '<p class="para" data-start="0" data-end="11">Hello world</p>' +
    '<p class="para" data-start="12" data-end="28">Big <mark>bad</mark> wolf now</p>' +
    '<p>not a paragraph</p>';
  document.body.replaceChildren(root);
  return root;
}

describe('indexParagraphs', () => {
  it('reads the paragraphs with their offsets, in order', () => {
    const index = indexParagraphs(article());
    expect(index.starts).toEqual([0, 12]);
    expect(index.ends).toEqual([11, 28]);
    expect(index.elements.map((e) => e.textContent)).toEqual(['Hello world', 'Big bad wolf now']);
  });
});

describe('offsetOf', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = article();
  });
  const paras = () => Array.from(root.querySelectorAll<HTMLElement>('.para'));

  it('maps a position in a text node to its text offset', () => {
    const index = indexParagraphs(root);
    const hello = paras()[0]?.firstChild as Text;
    expect(offsetOf(index, hello, 0)).toBe(0);
    expect(offsetOf(index, hello, 6)).toBe(6);
    const wolf = paras()[1]?.lastChild as Text;
    expect(offsetOf(index, wolf, 1)).toBe(12 + 8);
    const bad = paras()[1]?.querySelector('mark')?.firstChild as Text;
    expect(offsetOf(index, bad, 2)).toBe(12 + 6);
  });

  it('maps a position between a paragraph’s children', () => {
    const index = indexParagraphs(root);
    const p = paras()[1] as HTMLElement;
    expect(offsetOf(index, p, 0)).toBe(12);
    expect(offsetOf(index, p, 1)).toBe(12 + 4);
    expect(offsetOf(index, p, 2)).toBe(12 + 7);
    expect(offsetOf(index, p, 3)).toBe(28);
  });

  it('maps a position inside an element within a paragraph by its node offset', () => {
    const index = indexParagraphs(root);
    const mark = paras()[1]?.querySelector('mark') as HTMLElement;
    // Before the mark's text, then after it: not the paragraph's end.
    expect(offsetOf(index, mark, 0)).toBe(12 + 4);
    expect(offsetOf(index, mark, 1)).toBe(12 + 7);
  });

  it('is null outside every indexed paragraph', () => {
    const index = indexParagraphs(root);
    const outside = root.lastChild?.firstChild as Text;
    expect(offsetOf(index, outside, 2)).toBeNull();
    expect(offsetOf(index, root, 0)).toBeNull();
  });
});

describe('rangesFor', () => {
  it('gives one range per paragraph touched, with the text of the span', () => {
    const index = indexParagraphs(article());
    expect(rangesFor(index, 6, 11).map(String)).toEqual(['world']);
    expect(rangesFor(index, 6, 19).map(String)).toEqual(['world', 'Big bad']);
    expect(rangesFor(index, 14, 22).map(String)).toEqual(['g bad wo']);
  });

  it('gives no ranges for text between or past the paragraphs', () => {
    const index = indexParagraphs(article());
    expect(rangesFor(index, 11, 12)).toEqual([]);
    expect(rangesFor(index, 30, 40)).toEqual([]);
  });
});
