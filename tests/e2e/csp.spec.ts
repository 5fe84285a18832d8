import { readFileSync } from 'node:fs';
import { expect, test } from './reused-page.ts';

test('the editor, the charts and the workbench worker run with no policy violation', async ({
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  // A lesson cell: typing swaps the plain text area for the full editor.
  await page.goto('/lessons/reading-one-line/');
  await page.locator('trace-cell textarea').first().click();
  await page.keyboard.type(' ');
  await expect(page.locator('trace-cell .monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  // The workbench: a pasted trace is parsed in its worker and charted.
  await page.goto('/lab/');
  await page.locator('[data-workbench][data-script="ready"]').waitFor({ state: 'attached' });
  await page
    .locator('[data-slot="a"] textarea')
    .first()
    .fill(readFileSync('content/traces/sawtooth.txt', 'utf8'));
  await expect(page.locator('[data-workbench][data-ready="true"]')).toBeAttached({
    timeout: 30_000,
  });
  expect(violations).toEqual([]);
});
