import { readdir, readFile } from 'node:fs/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { withEmulator } from '../helpers/emulator.js';

// The console's files as the emulator serves them (src/console/index.ts): types, security headers, and nothing
// outside templates/console/.

const test = suite('console assets');
const running = withEmulator(test, (emulator) => emulator.client);
const get = (url: string) => running.emulator.app.inject({ method: 'GET', url });
const FOLDER = 'templates/console';

test('console page: GET /_cogniform/ui answers the page, whose policy allows scripts from this origin only', async () => {
  for (const url of ['/_cogniform/ui', '/_cogniform/ui/']) {
    const page = await get(url);
    assert.is(page.statusCode, 200, url);
    assert.is(page.headers['content-type'], 'text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.not.match(csp, /unsafe-inline|unsafe-eval/);
    assert.is(page.headers['x-frame-options'], 'DENY');
    assert.is(page.headers['x-content-type-options'], 'nosniff');
    assert.is(page.headers['referrer-policy'], 'no-referrer');
    assert.match(page.body, /<script type="module" src="\/_cogniform\/ui\/app\.js"><\/script>/);
    assert.match(page.body, /<link rel="stylesheet" href="\/_cogniform\/ui\/console\.css">/);
  }
});

test('console assets: every module app.js imports, and theirs, is served as JavaScript; the stylesheet as CSS', async () => {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const answer = await get(`/_cogniform/ui/${file}`);
    assert.is(answer.statusCode, 200, file);
    assert.is(answer.headers['content-type'], 'text/javascript; charset=utf-8', file);
    assert.match(String(answer.headers['content-security-policy']), /script-src 'self'/, file);
    for (const [, imported] of answer.body.matchAll(/from '\.\/([\w-]+\.js)'/g)) await visit(imported!);
  };
  await visit('app.js');
  const modules = (await readdir(FOLDER)).filter((f) => f.endsWith('.js'));
  assert.equal([...seen].sort(), modules.sort(), 'every module in the folder is in use, and every one in use is there');
  const css = await get('/_cogniform/ui/console.css');
  assert.is(css.statusCode, 200);
  assert.is(css.headers['content-type'], 'text/css; charset=utf-8');
  assert.is(css.headers['x-content-type-options'], 'nosniff');
});

test('console assets: unknown files, other kinds of file and paths out of the folder answer 404', async () => {
  const urls = [
    '/_cogniform/ui/nothing.js', '/_cogniform/ui/index.html', '/_cogniform/ui/app.js.map', '/_cogniform/ui/.env',
    '/_cogniform/ui/..%2Fhostedui.css', '/_cogniform/ui/%2e%2e%2f%2e%2e%2fpackage.json', '/_cogniform/ui/..%5Clayout.html',
    '/_cogniform/ui/sub/app.js', '/_cogniform/ui/App.js',
  ];
  for (const url of urls) {
    const answer = await get(url);
    assert.is(answer.statusCode, 404, url);
    assert.is(answer.headers['x-content-type-options'], 'nosniff', url);
    assert.not.match(answer.body, /import |<html|"name"/, url);
  }
  const post = await running.emulator.app.inject({ method: 'POST', url: '/_cogniform/ui', payload: '' });
  assert.is(post.statusCode, 404, 'the console only reads');
});

test('console scripts: no HTML sink anywhere (data reaches the page as text only)', async () => {
  for (const file of await readdir(FOLDER)) {
    if (!file.endsWith('.js')) continue;
    const source = await readFile(`${FOLDER}/${file}`, 'utf8');
    assert.not.match(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|\beval\(|new Function/, file);
  }
});

test.run();
