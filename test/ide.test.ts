import { existsSync } from 'node:fs';
import { chromium, Browser } from 'playwright-core';
import { mintDevToken } from '@qn/dev';
import { caller, startSystem, TestSystem } from './harness';

/**
 * The IDE at the gateway's / in a real headless Chromium (Debian's package; .ci/run
 * installs it), with every request to another host refused: it must load, take a
 * token, run the saved dashboard and show the answer.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));

let system: TestSystem;
let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  system = await startSystem();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test('the page names only its own files and forbids any other origin by its CSP', async () => {
  const response = await fetch(system.gateway.url, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  const html = await response.text();
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  for (const asset of ['/ide/react.js', '/ide/react-dom.js', '/ide/graphiql.js', '/ide/graphiql.css', '/ide/ide.js']) {
    expect({ asset, status: (await fetch(new URL(asset, system.gateway.url))).status }).toEqual({ asset, status: 200 });
  }
});

test('offline but for localhost, the IDE loads, runs the dashboard with a bearer token and shows the result; labels switch language', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const foreign: string[] = [];
  const graphqlCalls: { authorization?: string }[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      foreign.push(url.href);
      return route.abort('internetdisconnected');
    }
    if (route.request().method() === 'POST') graphqlCalls.push({ authorization: route.request().headers().authorization });
    return route.continue();
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // GraphiQL introspects the schema for its documentation and completion.
  let introspected = false;
  page.on('response', (response) => {
    if (response.request().method() !== 'POST') return;
    response
      .json()
      .then((body: { data?: { __schema?: unknown } }) => {
        if (body?.data?.__schema) introspected = true;
      })
      .catch(() => undefined);
  });
  try {
    await page.goto(system.gateway.url);
    await page.waitForSelector('.graphiql-container', { timeout: 30000 });
    expect(await page.textContent('#ide-title')).toBe('Đồ thị chương trình phòng, chống mại dâm — Quảng Ngãi');
    // The saved examples open as tabs named by their first operation.
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs.join(' ')).toContain('Dashboard');
    expect(tabs.join(' ')).toContain('OpenDrafts');

    const token = await mintDevToken(caller('LABOUR', 'COORDINATOR'));
    await page.fill('#ide-token', token);
    await page.click('.graphiql-execute-button');
    const result = page.locator('.graphiql-response');
    await result.getByText('"IND-1.1"').first().waitFor({ timeout: 30000 });
    const shown = await result.innerText();
    expect(shown).toContain('"indicators"');
    expect(shown).not.toContain('"errors"');
    // The dashboard's own request carried the token (the schema's introspection may have gone before it).
    expect(graphqlCalls.at(-1)?.authorization).toBe(`Bearer ${token}`);

    await page.selectOption('#ide-language', 'en');
    expect(await page.textContent('#ide-token-label')).toBe('Access token (bearer)');
    expect(introspected).toBe(true);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
