// Flesch-Kincaid grade of each lesson's student prose: the text a student reads in the
// lesson's own words. Front matter, quoted article text (<ArticleExcerpt>) and the notes for
// instructors (<InstructorNotes>) are left out. Every lesson must read between grade 6 and
// 9.5: plain enough for 14-year-olds, but in full, linked sentences, not a clipped rhythm
// that reads young for 16- to 18-year-olds.
// With UPDATE_READABILITY=1 the grades are written to tests/fixtures/readability.json, from
// which the README's table is made.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const LESSONS_DIR = path.resolve(__dirname, '../../../content/lessons');
const FIXTURE = path.resolve(__dirname, '../../fixtures/readability.json');
const MIN_GRADE = 6;
const MAX_GRADE = 9.5;

/** JSX attribute values: "..." or '...' or a simple {expression}. */
const ATTRS = String.raw`(?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*`;
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const INSTRUCTOR_NOTES = new RegExp(String.raw`<InstructorNotes${ATTRS}>[\s\S]*?</InstructorNotes>`, 'g');
const ARTICLE_EXCERPT = new RegExp(String.raw`<ArticleExcerpt${ATTRS}/>`, 'g');
/** Any other JSX tag (opening, closing or self-closing); the text between tags stays. */
const JSX_TAG = new RegExp(String.raw`</?[A-Z][A-Za-z0-9]*${ATTRS}/?>`, 'g');

/** Words ending in a period that do not end a sentence. */
const ABBREVIATIONS = new Set(['u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'etc']);

/** The student prose of a lesson, one block (paragraph, heading, list item) per line. */
function studentProse(mdx: string): string {
  const text = mdx
    .replace(/\r\n?/g, '\n')
    .replace(FRONT_MATTER, '')
    .replace(INSTRUCTOR_NOTES, '\n')
    .replace(ARTICLE_EXCERPT, '\n')
    .replace(JSX_TAG, '\n')
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?![\w*])/g, '$1$2');
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^(-{3,}|\*{3,}|\|?[-:| ]+\|?)$/.test(line)) {
      flush();
      continue;
    }
    const block = /^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/.exec(line);
    if (block) {
      // A heading, list item or quote line starts a block of its own.
      flush();
      current.push(line.slice(block[0].length));
      if (block[0].startsWith('#')) flush();
    } else {
      current.push(line);
    }
  }
  flush();
  return blocks.map((b) => b.replace(/\s+/g, ' ').trim()).join('\n');
}

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

function syllablesOf(word: string): number {
  if (/^[\d.,]+$/.test(word)) return Math.max(1, word.replace(/\D/g, '').length);
  return Math.max(1, syllable(word));
}

/** Number of sentences in one block; a block with text and no end mark is one sentence. */
function sentencesOf(block: string): number {
  let count = 0;
  const ends = /([\p{L}\p{N}.]*)[.!?]+["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}]|\s*$)/gu;
  for (const match of block.matchAll(ends)) {
    const word = (match[1] ?? '').replace(/\.$/, '').toLowerCase();
    if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(match[1] ?? '')) continue;
    count++;
  }
  // Text after the last end mark (a heading, a list item without a period) is a sentence too.
  const tail = block.replace(/^[\s\S]*[.!?]["”’)\]]*/u, '');
  if (count === 0 || WORD.test(tail)) count++;
  WORD.lastIndex = 0;
  return count;
}

type Readability = { grade: number; sentences: number; words: number; syllables: number };

function readability(prose: string): Readability {
  const blocks = prose.split('\n').filter((b) => (b.match(WORD) ?? []).length > 0);
  const words = blocks.flatMap((b) => b.match(WORD) ?? []);
  const counts = {
    sentence: blocks.reduce((n, b) => n + sentencesOf(b), 0),
    word: words.length,
    syllable: words.reduce((n, w) => n + syllablesOf(w), 0),
  };
  return {
    grade: Math.round(fleschKincaid(counts) * 10) / 10,
    sentences: counts.sentence,
    words: counts.word,
    syllables: counts.syllable,
  };
}

const files = readdirSync(LESSONS_DIR)
  .filter((name) => /^\d{2}\.[a-z0-9-]+\.mdx$/.test(name))
  .sort();

describe('readability of the lessons', () => {
  it('finds the lessons', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  it('strips front matter, quoted article text, instructor notes, JSX and markdown', () => {
    const prose = studentProse(
      [
        '---',
        'title: Front matter',
        '---',
        '## A heading',
        '',
        'One **bold** and *italic* [link](/x) word.',
        '<ArticleExcerpt article="a" quote="Quoted words/> here." />',
        '<Callout title="Tip" tone="tip">',
        '',
        'Kept text.',
        '',
        '</Callout>',
        '<InstructorNotes>',
        '',
        'Hidden notes.',
        '',
        '</InstructorNotes>',
        '- A list item',
      ].join('\n'),
    );
    expect(prose).toBe('A heading\nOne bold and italic link word.\nKept text.\nA list item');
    expect(readability(prose)).toMatchObject({ sentences: 4, words: 13 });
    expect(readability('The U.S. said no. Dr. Smith agreed! Fine?')).toMatchObject({ sentences: 3 });
  });

  const results: Record<string, Readability & { title: string }> = {};

  for (const file of files) {
    it(`${file} reads between grade ${MIN_GRADE} and ${MAX_GRADE}`, () => {
      const source = readFileSync(path.join(LESSONS_DIR, file), 'utf8');
      const front = FRONT_MATTER.exec(source.replace(/\r\n?/g, '\n'))?.[0].replace(/^---\n|---\n$/g, '') ?? '';
      const title = String((parse(front) as { title?: unknown } | null)?.title ?? file);
      const result = readability(studentProse(source));
      results[file] = { title, ...result };
      expect(result.words, `${file} has too little student prose to measure`).toBeGreaterThan(100);
      expect(result.grade, `${file}: Flesch-Kincaid grade ${result.grade}`).toBeLessThanOrEqual(MAX_GRADE);
      expect(result.grade, `${file}: Flesch-Kincaid grade ${result.grade}`).toBeGreaterThanOrEqual(MIN_GRADE);
    });
  }

  // The README's table comes from the fixture: it must match the lessons as they are now.
  // UPDATE_READABILITY=1 rewrites it instead of comparing.
  it('tests/fixtures/readability.json records the current grades of every lesson', () => {
    const ordered = Object.fromEntries(files.filter((f) => results[f]).map((f) => [f, results[f]]));
    expect(Object.keys(ordered)).toEqual(files);
    if (process.env.UPDATE_READABILITY === '1') writeFileSync(FIXTURE, `${JSON.stringify(ordered, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, { grade: number }>;
    for (const file of files)
      expect(recorded[file]?.grade, `${file}: rerun with UPDATE_READABILITY=1`).toBe(ordered[file]?.grade);
  });
});
