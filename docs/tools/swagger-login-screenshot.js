// Logs in through Swagger UI on the gateway with Keycloak (authorization code + PKCE), calls an operation,
// and takes screenshots into docs/images/. Run from the repository root while ./mz run is up, with
// puppeteer-core installed outside the repository and Debian's chromium (and a CJK font such as fonts-wqy-microhei):
//   NODE_PATH=<dir>/node_modules node docs/tools/swagger-login-screenshot.js /usr/bin/chromium
const puppeteer = require('puppeteer-core');
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const browser = await puppeteer.launch({executablePath: process.argv[2], headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--window-size=1400,1800']});
  const page = await browser.newPage();
  await page.setViewport({width: 1400, height: 1800});
  await page.goto('http://localhost:8080/swagger-ui.html?urls.primaryName=registry', {waitUntil: 'networkidle0'});
  await page.waitForSelector('.btn.authorize');
  await page.click('.btn.authorize');
  await page.waitForSelector('.modal-ux');
  // The keycloak (OAuth2) block: tick the openid scope if offered, then its Authorize button opens Keycloak.
  const popupPromise = new Promise(resolve => browser.once('targetcreated', t => resolve(t.page())));
  const buttons = await page.$$('.modal-ux .auth-container');
  let clicked = false;
  for (const container of buttons) {
    const text = await container.evaluate(e => e.innerText);
    if (text.includes('keycloak')) {
      const scope = await container.$('input[type=checkbox]');
      if (scope) { const checked = await scope.evaluate(e => e.checked); if (!checked) await scope.click(); }
      const btn = await container.$('button.authorize');
      await btn.click(); clicked = true; break;
    }
  }
  if (!clicked) throw new Error('no keycloak authorize button');
  const login = await popupPromise;
  await login.waitForSelector('#username', {timeout: 20000});
  await login.setViewport({width: 1000, height: 800});
  await login.type('#username', 'registrar');
  await login.type('#password', 'dev-only-password');
  await login.screenshot({path: 'docs/images/swagger-ui-keycloak-login.png'});
  await Promise.all([login.click('#kc-login'), sleep(3000)]);
  await sleep(2000);
  await page.screenshot({path: '/tmp/swagger-2-authorized.png'});
  // close the modal
  const close = await page.$('.modal-ux .btn-done, .modal-ux button.close-modal');
  if (close) await close.click();
  await sleep(500);
  // Try GET /api/registry/ping (who am I)
  const ops = await page.$$('.opblock');
  for (const op of ops) {
    const path = await op.$eval('.opblock-summary-path', e => e.innerText).catch(() => '');
    const method = await op.$eval('.opblock-summary-method', e => e.innerText).catch(() => '');
    if (path.trim() === '/api/registry/ping' && method.trim() === 'GET') {
      await (await op.$('.opblock-summary')).click();
      await sleep(500);
      await (await op.$('.try-out__btn')).click();
      await sleep(300);
      await (await op.$('.execute')).click();
      await op.waitForSelector('.responses-table .response .highlight-code, .live-responses-table', {timeout: 15000});
      await sleep(1500);
      const status = await op.$eval('.live-responses-table .response-col_status', e => e.innerText).catch(() => '?');
      const body = await op.$eval('.live-responses-table .highlight-code', e => e.innerText).catch(() => '?');
      console.log('status', status.trim().split('\n')[0], 'body', body.replace(/\s+/g, ' ').slice(0, 300));
      await op.evaluate(e => e.scrollIntoView());
      await page.screenshot({path: '/tmp/swagger-3-call.png', fullPage: false});
      // The token is not kept in a picture: hide the curl line that shows it.
      await page.evaluate(() => document.querySelectorAll('.curl-command').forEach(e => e.style.display = 'none'));
      await op.screenshot({path: 'docs/images/swagger-ui-call-after-keycloak-login.png'});
      break;
    }
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
