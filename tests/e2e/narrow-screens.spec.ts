import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { type Demo, seedDemo, signInInstructor } from './review-demo';

// A teacher or a student on a phone: every page of theirs fits a screen 320 CSS pixels wide (WCAG 1.4.10,
// reflow) without scrolling sideways. A table wider than that (the roster with its figures,
// the gradebook) scrolls inside its own box, which the keyboard reaches and scrolls.

const DATA_DIR = process.env.E2E_DATA_DIR;

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot seed a class in the server’s database');

test.use({ viewport: { width: 320, height: 740 } });

/**
 * Opens each page, checks that it is no wider than the phone and that each box that scrolls is a
 * named region the arrow keys scroll, and runs axe; returns how many boxes scrolled.
 */
async function walkNarrow(page: Page, paths: string[]): Promise<number> {
  let scrolled = 0;
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
    const boxes = page.locator('.table-scroll');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const wide = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (!wide) continue;
      await expect(box).toHaveAttribute('role', 'region');
      await expect(box).toHaveAttribute('aria-label', /\S/);
      await box.focus();
      await expect(box).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((el) => el.scrollLeft), { message: `${path}: box ${i}` }).toBeGreaterThan(0);
      scrolled++;
    }
    await expectNoAxeViolations(page);
  }
  return scrolled;
}

test('every instructor page fits a phone’s width; wide tables scroll in a box the keyboard reaches', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const demo = seedDemo(DATA_DIR as string, 4);
  await signInInstructor(page, demo);
  const student = demo.students[0] as Demo['students'][number];
  const assignment = `/instructor/assignments/${demo.assignmentId}`;
  const pages = [
    '/instructor',
    `/instructor/classes/${demo.classId}`,
    assignment,
    `${assignment}/review`,
    `${assignment}/grades`,
    `${assignment}/students/${student.studentId}`,
    `/instructor/classes/${demo.classId}/key/${demo.exerciseIds[0]}`,
    '/instructor/articles',
    '/instructor/articles/new',
    '/teachers',
  ];
  const scrolled = await walkNarrow(page, pages);
  // The roster with its figures and the gradebook at least are wider than the phone.
  expect(scrolled).toBeGreaterThanOrEqual(2);
  // On a wide screen the same table fits, and its box is no stop for the keyboard.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${assignment}/students/${student.studentId}`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  const figures = page.locator('.table-scroll').filter({ has: page.getByRole('table', { name: /Figures against/ }) });
  await expect(figures.first()).toBeVisible();
  for (const box of await figures.all()) {
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
    await expect(box).not.toHaveAttribute('tabindex', /.*/);
    await expect(box).not.toHaveAttribute('role', /.*/);
  }
});

test('a student’s class pages fit a phone’s width', async ({ page }) => {
  test.setTimeout(90_000);
  const demo = seedDemo(DATA_DIR as string, 2);
  const student = demo.students[0] as Demo['students'][number];
  // Back in the class on a phone, with the resume code.
  await page.goto('/resume');
  await page.getByRole('textbox', { name: 'Class code' }).fill(demo.joinCode);
  await page.getByRole('textbox', { name: 'Your resume code' }).fill(student.resumeCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /My class/ })).toBeVisible();
  await walkNarrow(page, ['/class', `/class/assignments/${demo.assignmentId}`, `/feedback/${demo.assignmentId}`]);
});
