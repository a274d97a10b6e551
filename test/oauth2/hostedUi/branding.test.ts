import { SetUICustomizationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withHostedApp } from './harness.js';
import { Browser } from './pages.js';

// SetUICustomization applied to the pages: the classes Cognito's classic branding styles are in the markup, the
// CSS inlined after the default stylesheet, the logo shown; a client's own branding wins over the pool's ALL.

// The 8-byte PNG signature and a little more: the media type is read from it.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('logo')]);

const hosted = withHostedApp(test);

const styles = (html: string) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);

test('hosted UI branding: the customizable classes are in the markup, and no custom CSS or logo by default', async () => {
  const page = await new Browser(hosted.emulator).page('/login', hosted.app);
  for (const name of ['background', 'banner', 'label', 'textDescription', 'submitButton', 'inputField', 'redirect']) {
    assert.match(page.html, new RegExp(`class="[^"]*\\b${name}-customizable\\b`), name);
  }
  assert.is(styles(page.html).length, 1, 'the default stylesheet only');
  assert.not.match(page.html, /logo-customizable" src/);
});

test('hosted UI branding: the pool CSS after the default one and the logo as a data URL, on every page', async () => {
  await hosted.emulator.client.send(new SetUICustomizationCommand({
    UserPoolId: hosted.app.poolId, ClientId: 'ALL', CSS: '.submitButton-customizable { background-color: #a1b2c3; }', ImageFile: PNG,
  }));
  const browser = new Browser(hosted.emulator);
  for (const path of ['/login', '/signup', '/forgotPassword']) {
    const page = await browser.page(path, hosted.app);
    const css = styles(page.html);
    assert.is(css.length, 2, path);
    assert.match(css[1]!, /background-color: #a1b2c3/);
    assert.match(page.html, new RegExp(`<img class="logo-customizable" src="data:image/png;base64,${PNG.toString('base64').replace(/[+/]/g, '\\$&')}"`), path);
  }
});

test("hosted UI branding: a client's own customization wins, and CSS cannot close its <style>", async () => {
  await hosted.emulator.client.send(new SetUICustomizationCommand({
    UserPoolId: hosted.app.poolId, ClientId: hosted.app.clientId, CSS: '.banner-customizable { color: red; } </style><script>alert(1)</script>',
  }));
  const page = await new Browser(hosted.emulator).page('/login', hosted.app);
  const css = styles(page.html);
  assert.is(css.length, 2);
  assert.match(css[1]!, /color: red/);
  assert.not.match(css[1]!, /a1b2c3/, 'not the pool default');
  assert.not.match(page.html, /<script/i);
  assert.not.match(page.html, /logo-customizable" src/, "the client's branding has no logo");
});

test.run();
