import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { MIN_SHORT_ANSWER_WORDS } from '../../lib/validation/limits';
import { LABEL_NAMES, type Label } from '../../lib/validation/vocabulary';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers';

type LessonFront = {
  slug: string;
  source: string;
  title: string;
  order: number;
  minutes: number;
  objectives: string[];
  exercises: { id: string; labels: Label[]; instructions: string }[];
  questions: { id: string; prompt: string; minWords?: number; model: string }[];
};

const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

/** The lessons as their files define them, in order: what the site must show. */
const LESSONS: LessonFront[] = readdirSync(LESSONS_DIR)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => {
    const source = readFileSync(path.join(LESSONS_DIR, name), 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
    return { ...parse(front), slug: name.replace(/^\d{2}\.|\.mdx$/g, ''), source };
  });

/** A sentence from each lesson's <InstructorNotes>, which students must never receive. */
const NOTE_SENTENCES: Record<string, string> = {
  'who-says-so': 'None of this needs settling in class.',
  'words-that-judge': 'The seed has no headline of its own; the title shown is descriptive.',
  'can-anyone-check-this': 'About 3,000 members of the group moved from Iraq to Albania between 2013 and 2016',
  'one-letter-two-outlets': 'Students may arrive with strong views, or with none.',
  'one-speech-many-reports': 'Push back on that generalization',
  capstone: 'Both texts criticize the group; the comparison is about sourcing practice, not conclusions.',
};

const WORDS = 'the article names its source so a reader could check the claim in the original record'.split(' ');
const words = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');
const minWords = (q: LessonFront['questions'][number]) => q.minWords ?? MIN_SHORT_ANSWER_WORDS;

/** The lesson's status line near its title. */
const lessonStatus = (page: Page) => page.locator('.lesson-header .lesson-progress');

/** A lesson's card on /lessons, found by its heading. */
const lessonCard = (page: Page, lesson: LessonFront) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: `Lesson ${lesson.order}. ${lesson.title}` }) });

/** The first few words of the exercise's text, as the learner sees them. */
async function firstPhrase(frame: Locator): Promise<string> {
  const text = (await frame.locator('.para').first().textContent()) ?? '';
  const phrase = /^\S+(?:\s+\S+){0,2}/.exec(text.trim())?.[0];
  expect(phrase, 'the exercise shows some text').toBeTruthy();
  return phrase as string;
}

/** Labels one phrase of the exercise with its first label and submits; the comparison appears. */
async function labelAndSubmit(page: Page, exercise: Locator, label: Label) {
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const phrase = await firstPhrase(frame);
  await dragSelect(page, frame, phrase);
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: LABEL_NAMES[label] })
    .click();
  const mine = exercise.getByRole('region', { name: /My labels/ });
  await expect(mine.getByRole('heading', { name: 'My labels (1)' })).toBeVisible();
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const result = exercise.getByRole('region', { name: 'Your labels and the key' });
  await expect(result).toBeVisible();
  await expect(result.getByRole('row', { name: new RegExp(LABEL_NAMES[label]) })).toBeVisible();
  await expect(exercise.getByRole('button', { name: 'Try again' })).toBeVisible();
}

/** A question refuses an empty and a too-short answer, then accepts one long enough. */
async function answerQuestion(page: Page, q: LessonFront['questions'][number]) {
  const box = page.locator(`[data-question="${q.id}"]`);
  const answer = box.getByRole('textbox', { name: q.prompt });
  const check = box.getByRole('button', { name: 'Check my answer' });
  await expect(answer).toBeVisible();
  await check.click();
  await expect(box.getByRole('alert')).toHaveText('Write an answer before you check it.');
  await expect(answer).toHaveAttribute('aria-invalid', 'true');
  await answer.fill(words(minWords(q) - 1));
  await check.click();
  await expect(box.getByRole('alert')).toContainText(`Write at least ${minWords(q)} words`);
  await expect(box.getByText('A model answer')).toHaveCount(0);
  // Words enough but the same sentence over and over, or nothing of the question's topic: refused.
  await answer.fill(Array.from({ length: minWords(q) }, () => 'a').join(' '));
  await check.click();
  await expect(box.getByRole('alert')).toContainText('Write a real answer');
  await expect(box.getByText('A model answer')).toHaveCount(0);
  // A real answer: the lesson's own model answer is one, in its words.
  await answer.fill(q.model);
  await check.click();
  await expect(box.getByText('A model answer')).toBeVisible();
  await expect(box).toContainText(q.model);
  await expect(box.getByRole('alert')).toHaveCount(0);
  await expect(box.getByRole('button', { name: 'Update my answer' })).toBeVisible();
}

test('the lesson files define six lessons, each with a note sentence to look for', () => {
  expect(LESSONS.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6]);
  for (const lesson of LESSONS) {
    const sentence = NOTE_SENTENCES[lesson.slug] as string;
    const notes = /<InstructorNotes>([\s\S]*?)<\/InstructorNotes>/.exec(lesson.source)?.[1] ?? '';
    expect(notes, `${lesson.slug}: the sentence is in its instructor notes`).toContain(sentence);
    expect(lesson.source.replace(notes, ''), `${lesson.slug}: and nowhere else`).not.toContain(sentence);
  }
});

test('/lessons lists the six lessons in order, with objectives, time and progress', async ({ page }) => {
  await page.goto('/lessons');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(LESSONS.map((l) => `Lesson ${l.order}. ${l.title}`));
  const links = main.getByRole('heading', { level: 2 }).getByRole('link');
  expect(await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
    LESSONS.map((l) => `/lessons/${l.slug}`),
  );
  for (const lesson of LESSONS) {
    const card = lessonCard(page, lesson);
    await expect(card.getByText(`About ${lesson.minutes} minutes`)).toBeVisible();
    for (const objective of lesson.objectives) await expect(card.getByText(objective)).toBeVisible();
    await expect(card.getByText('Not started', { exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.order}, ${lesson.title}: every exercise and question works, progress ends at Done`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // Reached as a learner would: from its link on /lessons.
    await page.goto('/lessons');
    await page.getByRole('link', { name: `Lesson ${lesson.order}. ${lesson.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(lessonStatus(page).getByText('Not started', { exact: true })).toBeVisible();
    // Wait for the lazily loaded answer boxes before the first axe run.
    await expect(page.getByRole('button', { name: 'Check my answer' })).toHaveCount(lesson.questions.length);
    await expectNoAxeViolations(page);

    const exercises = page.getByRole('region', { name: /^Exercise: label the/ });
    await expect(exercises).toHaveCount(lesson.exercises.length);
    const total = lesson.exercises.length + lesson.questions.length;
    let done = 0;
    for (const [i, ex] of lesson.exercises.entries()) {
      const exercise = exercises.nth(i);
      await expect(exercise).toHaveAttribute('data-exercise', ex.id);
      await labelAndSubmit(page, exercise, ex.labels[0] as Label);
      done++;
      await expect(lessonStatus(page)).toContainText(`In progress (${done} of ${total} activities)`);
    }
    for (const q of lesson.questions) {
      await answerQuestion(page, q);
      done++;
      if (done < total) await expect(lessonStatus(page)).toContainText(`In progress (${done} of ${total} activities)`);
    }
    await expect(lessonStatus(page).getByText('Done', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // Progress lives in this browser: it survives a reload and shows on /lessons.
    await page.reload();
    await expect(lessonStatus(page).getByText('Done', { exact: true })).toBeVisible();
    await page.goto('/lessons');
    await expect(lessonCard(page, lesson).getByText('Done', { exact: true })).toBeVisible();
    for (const other of LESSONS.filter((l) => l !== lesson)) {
      await expect(lessonCard(page, other).getByText('Not started', { exact: true })).toBeVisible();
    }
  });
}

test('a partly done lesson shows "In progress" with its count on /lessons, and nothing moves', async ({
  page,
  browser,
}) => {
  const lesson = LESSONS[0] as LessonFront;
  const total = lesson.exercises.length + lesson.questions.length;
  await page.goto(`/lessons/${lesson.slug}`);
  await answerQuestion(page, lesson.questions[0] as LessonFront['questions'][number]);
  await expect(lessonStatus(page)).toContainText(`In progress (1 of ${total} activities)`);
  await page.goto('/lessons');
  const card = lessonCard(page, lesson);
  await expect(card.getByText(`In progress (1 of ${total} activities)`, { exact: true })).toBeVisible();

  // The status fills in after hydration without layout shift: the objectives below sit
  // exactly where they sit in the server's HTML alone (no script, no status yet), measured
  // from the list's top (without scripts, a note above the page says they are off).
  const positions = async (p: Page) => {
    await p.evaluate(() => document.fonts.ready.then(() => undefined));
    return p
      .locator('.lesson-list')
      .evaluate((list) =>
        Array.from(list.querySelectorAll('.objectives-heading')).map(
          (h) => h.getBoundingClientRect().top - list.getBoundingClientRect().top,
        ),
      );
  };
  const hydrated = await positions(page);
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await noScript.newPage();
  await staticPage.goto('/lessons');
  await expect(staticPage.getByText('Not started')).toHaveCount(0);
  expect(await positions(staticPage)).toEqual(hydrated);
  await noScript.close();
});

/**
 * Holds every script request from now on (the answer box's code is the only one a lesson asks
 * for after its load), so that a test can act before the code arrives. Returns how many were
 * asked for, and a release.
 */
async function holdScripts(page: Page) {
  const held: (() => Promise<void>)[] = [];
  await page.route('**/_next/static/chunks/*.js', (route) => {
    held.push(() => route.continue());
  });
  return {
    asked: () => held.length,
    release: async () => {
      await Promise.all(held.splice(0).map((go) => go()));
      await page.unroute('**/_next/static/chunks/*.js');
    },
  };
}

/** The answer box of a question, marked so that a test sees when the form's own box replaces it. */
async function plainBox(page: Page, id: string) {
  const box = page.locator(`[data-question="${id}"]`).getByRole('textbox');
  await box.evaluate((el) => el.setAttribute('data-plain', ''));
  return box;
}

test.describe('the answer box before its code', () => {
  // A phone's screen: lesson 1's first question is far below it.
  test.use({ viewport: { width: 412, height: 823 } });
  const lesson = LESSONS[0] as LessonFront;
  const q = lesson.questions[0] as LessonFront['questions'][number];

  /** Lesson 1 loaded and settled, with any script asked for from now on held, and its first question's plain box marked. */
  async function openWithCodeHeld(page: Page) {
    await page.goto(`/lessons/${lesson.slug}`);
    await page.waitForLoadState('networkidle');
    const scripts = await holdScripts(page);
    return { scripts, box: await plainBox(page, q.id) };
  }

  test('its code is not loaded with the page; typing, the caret and the focus survive its arrival', async ({
    page,
  }) => {
    const { scripts, box } = await openWithCodeHeld(page);
    // The page's HTML has the box: no "Loading…" stand-in, typing works before the code.
    await expect(page.getByText('Loading the answer box')).toHaveCount(0);
    expect(scripts.asked(), 'nothing more is asked for while the questions are off screen').toBe(0);
    await box.focus();
    await expect.poll(scripts.asked, { message: 'the first touch asks for the form code' }).toBeGreaterThan(0);
    await page.keyboard.type('The source is named');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await scripts.release();
    const form = page.locator(`[data-question="${q.id}"] textarea:not([data-plain])`);
    await expect(form).toHaveCount(1);
    await expect(form).toHaveValue('The source is named');
    await expect(form).toBeFocused();
    expect(await form.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([17, 17]);
    await page.keyboard.type('X');
    await expect(form).toHaveValue('The source is namXed');
    // It is the form's box now: it validates and keeps the draft for a reload.
    await page.getByRole('button', { name: 'Check my answer' }).first().click();
    await expect(page.locator(`[data-question="${q.id}"]`).getByRole('alert')).toContainText(
      `Write at least ${minWords(q)} words`,
    );
    await page.reload();
    await page.locator(`[data-question="${q.id}"]`).scrollIntoViewIfNeeded();
    await expect(page.locator(`[data-question="${q.id}"]`).getByRole('textbox')).toHaveValue('The source is namXed');
  });

  test('the form’s box has the focus as soon as it is on the page: nothing typed in between is lost', async ({
    page,
  }) => {
    const { scripts, box } = await openWithCodeHeld(page);
    await box.focus();
    await expect.poll(scripts.asked).toBeGreaterThan(0);
    // Where the focus is when the form's box first appears, seen before anything else can run
    // (a mutation observer's callback comes right after the change).
    await page.evaluate(() => {
      new MutationObserver((records, observer) => {
        const added = records
          .flatMap((r) => Array.from(r.addedNodes))
          .find((n) => n instanceof Element && n.querySelector('textarea:not([data-plain])'));
        if (!added) return;
        observer.disconnect();
        (window as unknown as { focusAtSwap: string }).focusAtSwap =
          document.activeElement === (added as Element).querySelector('textarea')
            ? 'form box'
            : String(document.activeElement?.tagName);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await scripts.release();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { focusAtSwap?: string }).focusAtSwap))
      .toBe('form box');
    // So text typed at once reaches it.
    await page.keyboard.insertText('Typed at once');
    await expect(page.locator(`[data-question="${q.id}"] textarea:not([data-plain])`)).toHaveValue('Typed at once');
  });

  test('a check pressed before the code arrives is made when it does', async ({ page }) => {
    const { scripts, box } = await openWithCodeHeld(page);
    await box.fill(words(minWords(q) - 1));
    const check = page.locator(`[data-question="${q.id}"]`).getByRole('button', { name: 'Check my answer' });
    await check.click();
    await expect.poll(scripts.asked).toBeGreaterThan(0);
    // Said to be under way, not silently ignored.
    await expect(page.locator(`[data-question="${q.id}"]`).getByRole('button', { name: 'Checking…' })).toBeVisible();
    await expect(page.locator(`[data-question="${q.id}"]`).getByRole('alert')).toHaveCount(0);
    await scripts.release();
    await expect(page.locator(`[data-question="${q.id}"]`).getByRole('alert')).toContainText(
      `Write at least ${minWords(q)} words`,
    );
    const form = page.locator(`[data-question="${q.id}"] textarea:not([data-plain])`);
    await expect(form).toHaveValue(words(minWords(q) - 1));
    // As after any check the box refuses: the focus is in the box, to go on writing.
    await expect(form).toBeFocused();
  });

  test('when its code cannot load, the box says so, keeps what was typed, and tries again on the next touch', async ({
    page,
  }) => {
    await page.goto(`/lessons/${lesson.slug}`);
    await page.waitForLoadState('networkidle');
    await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
    const box = await plainBox(page, q.id);
    await box.fill('My answer so far');
    const alert = page.locator(`[data-question="${q.id}"]`).getByRole('alert');
    await expect(alert).toContainText('The answer box could not load');
    await expect(box).toHaveValue('My answer so far');
    await page.unroute('**/_next/static/chunks/*.js');
    await box.blur();
    await box.focus();
    await expect(page.locator(`[data-question="${q.id}"] textarea:not([data-plain])`)).toHaveValue('My answer so far');
    await expect(alert).toHaveCount(0);
  });

  test('scrolling near a question loads its code without a touch', async ({ page }) => {
    await page.goto(`/lessons/${lesson.slug}`);
    await page.waitForLoadState('networkidle');
    await plainBox(page, q.id);
    await page.locator(`[data-question="${q.id}"]`).scrollIntoViewIfNeeded();
    await expect(page.locator(`[data-question="${q.id}"] textarea:not([data-plain])`)).toHaveCount(1);
  });
});

test('instructor notes are not in any student lesson page', async ({ page, request }) => {
  for (const lesson of LESSONS) {
    const sentence = NOTE_SENTENCES[lesson.slug] as string;
    const html = await (await request.get(`/lessons/${lesson.slug}`)).text();
    expect(html, `${lesson.slug}: the served HTML`).toContain(lesson.title);
    expect(html, `${lesson.slug}: the served HTML`).not.toContain(sentence);
    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    expect(await page.content()).not.toContain(sentence);
    await expect(page.getByRole('region', { name: 'Notes for instructors' })).toHaveCount(0);
  }
});

test('the answer key is "not found" for an anonymous visitor', async ({ page, request }) => {
  for (const lesson of LESSONS) {
    const response = await request.get(`/lessons/${lesson.slug}/key`);
    expect(response.status(), `${lesson.slug}/key`).toBe(404);
    const html = await response.text();
    expect(html).not.toContain(NOTE_SENTENCES[lesson.slug] as string);
    expect(html).not.toContain(lesson.questions[0]?.model.slice(0, 60) as string);
  }
  const response = await page.goto(`/lessons/${LESSONS[0]?.slug}/key`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Key for the exercises/ })).toHaveCount(0);
});

test.describe('printing', () => {
  test('a lesson prints as a worksheet: full passages, lines to write on, no controls, no notes or key', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    for (const [n, lesson] of LESSONS.entries()) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`/lessons/${lesson.slug}`);
      await expect(page.getByRole('button', { name: 'Check my answer' })).toHaveCount(lesson.questions.length);
      const exercises = page.getByRole('region', { name: /^Exercise: label the/ });
      if (n === 0) {
        // A learner who already compared with the key: the key still must not print.
        await labelAndSubmit(page, exercises.first(), lesson.exercises[0]?.labels[0] as Label);
      }
      const frames = page.getByRole('region', { name: /Article text/ });
      await expect(frames).toHaveCount(lesson.exercises.length);
      if (n === 0) {
        // The first lesson's whole article is longer than its box on screen: printing must open it.
        const clipped = await frames.first().evaluate((f) => f.scrollHeight > f.clientHeight + 1);
        expect(clipped, 'on screen, a long passage scrolls in its box').toBe(true);
      }
      expect(await page.getByRole('button').count()).toBeGreaterThan(0);

      await page.emulateMedia({ media: 'print' });
      for (const [i, ex] of lesson.exercises.entries()) {
        const exercise = exercises.nth(i);
        await expect(exercise.getByText(ex.instructions)).toBeVisible();
        await expect(exercise.getByText(/^On paper:/)).toBeVisible();
        const frame = exercise.getByRole('region', { name: /Article text/ });
        const fit = await frame.evaluate((f) => {
          const box = f.getBoundingClientRect();
          const paras = Array.from(f.querySelectorAll('.para'));
          const last = paras.at(-1)?.getBoundingClientRect();
          return {
            clipped: f.scrollHeight > f.clientHeight + 1,
            lastInside: !!last && last.height > 0 && last.bottom <= box.bottom + 1,
            numbered: paras.every((p) => (p as HTMLElement).dataset.n),
          };
        });
        expect(fit, `${ex.id}: the whole passage prints, numbered`).toEqual({
          clipped: false,
          lastInside: true,
          numbered: true,
        });
        await expect(frame.locator('.para').last()).toBeVisible();
      }
      const lines = page.locator('.write-lines');
      await expect(lines).toHaveCount(lesson.questions.length);
      for (const line of await lines.all()) {
        await expect(line).toBeVisible();
        expect((await line.boundingBox())?.height ?? 0).toBeGreaterThan(50);
      }
      for (const q of lesson.questions) await expect(page.getByText(q.prompt)).toBeVisible();
      await expect(page.getByRole('button')).toHaveCount(0);
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Your labels and the key' })).toHaveCount(0);
      await expect(page.getByText(NOTE_SENTENCES[lesson.slug] as string)).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Notes for instructors' })).toHaveCount(0);
      await expect(lessonStatus(page)).toBeHidden();
    }
  });
});
