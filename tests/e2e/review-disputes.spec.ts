import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { keyItems } from './helpers';
import { seedDemo, signInInstructor } from './review-demo';

// "Items the class disputes" on the demo class (`npm run seed-demo`, 12 students, lesson 1):
// one row per core key item with counts that agree with the rest of the page, a status in
// words, links to the class's key editor for the item, the agreement figures, and axe.

const DATA_DIR = process.env.E2E_DATA_DIR;

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot seed a class in the server’s database');

test('the review names the items the class disputes and how far students agree', async ({ page }) => {
  test.setTimeout(120_000);
  const demo = seedDemo(DATA_DIR as string, 12);
  await signInInstructor(page, demo);
  await page.goto(`/instructor/assignments/${demo.assignmentId}/review`);

  const section = page.getByRole('region', { name: 'Items the class disputes' });
  await expect(section).toBeVisible();
  const agreement = section.getByRole('table', { name: /agree with each other and with the key/ });
  await expect(agreement.getByRole('row', { name: /^Sourcing/ })).toContainText(/\d+% \(66 pairs\)/);
  await expect(agreement.getByRole('row', { name: /^Overall/ })).toContainText(/\d+% \(12 students\)/);

  const exerciseId = demo.exerciseIds[0] as string;
  const table = section.getByRole('table', { name: 'Every core item, over 12 submitted students' });
  const rows = table.locator('tbody tr');
  const core = keyItems('un-envoy-us-cooperation').filter((k) => !k.optional);
  expect(await rows.count()).toBeGreaterThan(3);
  expect(await rows.count()).toBeLessThanOrEqual(core.length);
  for (const row of await rows.all()) {
    // Each count is "n of 12"; the status is a word, never a colour alone.
    await expect(row.locator('td').first()).toHaveText(/^\d+ of 12$/);
    await expect(row.locator('td').last()).toHaveText(/^(Disputed|Class agrees otherwise|—)$/);
    const link = row.getByRole('link');
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(`^/instructor/classes/${demo.classId}/key/${exerciseId}\\?item=`),
    );
  }

  // The counts agree with the key item's detail further up the page ("Found (n)").
  const first = rows.first();
  const quote = ((await first.getByRole('link').textContent()) ?? '').replace(/^“|”$/g, '');
  const foundHere = Number(((await first.locator('td').first().textContent()) ?? '').split(' ')[0]);
  await page
    .getByRole('region', { name: 'Key items' })
    .getByRole('link', { name: `“${quote}”` })
    .first()
    .click();
  await expect(page.locator('#item-detail')).toContainText(`Found (${foundHere})`);

  await expectNoAxeViolations(page);
});
