import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

// Passages that describe torture and killing come after a content warning that offers a way
// past them, to the next exercise, by keyboard as well as by mouse.
const CASES = [
  {
    lesson: '/lessons/capstone',
    // The first excerpt of DER SPIEGEL's account of the camp, which the warning must precede.
    passage: 'That, at least, is the story told by a former member of the group.',
    skipTo: 'capstone-interview',
  },
  {
    lesson: '/lessons/one-speech-many-reports',
    passage: null,
    skipTo: 'one-speech-many-reports-recycled',
  },
] as const;

for (const c of CASES) {
  test(`${c.lesson}: a content warning, and a skip to the next exercise`, async ({ page }) => {
    await page.goto(c.lesson);
    const warning = page.locator('aside.callout').filter({ hasText: 'Content warning' });
    await expect(warning).toHaveCount(1);
    const warned = (await warning.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    if (c.passage) {
      // The warning comes before the passage it warns about.
      const passage = page.getByText(c.passage, { exact: false }).first();
      expect(warned).toBeLessThan((await passage.boundingBox())?.y ?? 0);
    }
    const next = page.locator(`#${c.skipTo}-title`);
    await expect(next).not.toBeInViewport();
    await expectNoAxeViolations(page);

    // By keyboard: focus the link and press Enter.
    const skip = warning.getByRole('link', { name: 'Skip to the next exercise' });
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${c.skipTo}-title$`));
    await expect(next).toBeInViewport();
    await expect(next).toHaveText(/Exercise: label the passage/);
  });
}
