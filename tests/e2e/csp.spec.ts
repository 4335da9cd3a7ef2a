/**
 * The content security policy's effect in Chromium on the page the host serves: an inline script,
 * an inline <style>, a style attribute, a remote image and a remote fetch injected into the
 * running app are refused and reported as violations; styles set through CSSOM (element.style,
 * React's style props, the highlights' constructed stylesheet) still apply.
 */
import { EXPECTED_APP_POLICY, parsePolicy } from '../support/csp';
import { expect, test } from './fixtures/workbench';

test.use({ cspViolationsExpected: true });

test('the served policy refuses inline script, inline style and remote loads, and reports each', async ({ page, workbench }) => {
  const response = await page.goto(workbench.url);
  expect(Object.fromEntries(parsePolicy(response!.headers()['content-security-policy']!))).toEqual(EXPECTED_APP_POLICY);
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem').first()).toBeVisible();

  const outcome = await page.evaluate(async () => {
    const reported: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => reported.push(event.effectiveDirective));
    const w = window as unknown as Record<string, unknown>;

    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true;';
    document.body.append(script);

    const style = document.createElement('style');
    style.textContent = '#root { outline: 7px solid rgb(1, 2, 3); }';
    document.head.append(style);

    const attributed = document.createElement('div');
    attributed.setAttribute('style', 'color: rgb(4, 5, 6)');
    document.body.append(attributed);

    const viaCssom = document.createElement('div');
    viaCssom.style.color = 'rgb(7, 8, 9)';
    document.body.append(viaCssom);

    const image = document.createElement('img');
    image.src = 'http://192.0.2.1/pixel.png';
    document.body.append(image);
    const fetched = await fetch('http://192.0.2.1/data.json').then(
      () => 'fetched',
      (err: Error) => err.name,
    );

    // Violations are reported asynchronously: wait until the five expected ones arrived (bounded).
    for (let i = 0; i < 100 && reported.length < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return {
      reported: [...new Set(reported)].sort(),
      inlineScriptRan: w.__inlineScriptRan === true,
      rootOutline: getComputedStyle(document.getElementById('root')!).outlineColor,
      attributeColor: getComputedStyle(attributed).color,
      cssomColor: getComputedStyle(viaCssom).color,
      fetched,
    };
  });

  expect(outcome.inlineScriptRan).toBe(false);
  expect(outcome.rootOutline).not.toBe('rgb(1, 2, 3)');
  expect(outcome.attributeColor).not.toBe('rgb(4, 5, 6)');
  expect(outcome.fetched).toBe('TypeError');
  expect(outcome.reported).toEqual(['connect-src', 'img-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
  // CSSOM is not governed by style-src: element.style still works.
  expect(outcome.cssomColor).toBe('rgb(7, 8, 9)');
});

test("the app's own styles apply under the policy: React style props and the highlights' stylesheet", async ({ page, workbench }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(workbench.url);
  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem').first()).toBeVisible();

  // VerdictChip sets --level-color through React's style prop (CSSOM).
  const chip = page.locator('.verdict-chip').first();
  await expect(chip).toBeVisible();
  expect(await chip.evaluate((el) => getComputedStyle(el).getPropertyValue('--level-color').trim())).toMatch(/^#[0-9a-f]{6}$/i);

  // The claim highlights' rules are a constructed stylesheet adopted by the document.
  await expect
    .poll(() => page.evaluate(() => document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('::highlight(claim-')))))
    .toBe(true);
  expect(await page.locator('style').count()).toBe(0);
  expect(violations).toEqual([]);
});
