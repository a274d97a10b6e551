import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BadZipError, createCodeCache, inlineSourceZip } from '../../src/lambda/codeCache.js';

const encode = (text: string) => new TextEncoder().encode(text);
const freshCache = () => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'cogniform-code-cache-')), 'code');
  return { root, cache: createCodeCache(root) };
};

test('unpack: a zip lands in <cache>/<sha256 hex>/ with its folders, and reports Lambda\'s CodeSha256 and CodeSize', async () => {
  const { root, cache } = freshCache();
  const zip = zipSync({ 'index.js': encode('exports.a = 1'), 'lib/util.js': encode('exports.b = 2'), 'empty/': {} });
  const code = await cache.unpack(zip);
  assert.is(code.key, createHash('sha256').update(zip).digest('hex'));
  assert.is(code.dir, path.join(root, code.key));
  assert.is(code.sha256, createHash('sha256').update(zip).digest('base64'));
  assert.is(code.size, zip.byteLength);
  assert.is(readFileSync(path.join(code.dir, 'lib/util.js'), 'utf8'), 'exports.b = 2');
  assert.ok(statSync(path.join(code.dir, 'empty')).isDirectory());
  assert.is(await cache.folder(code.key), code.dir);
  assert.is(await cache.folder('0'.repeat(64)), undefined);
});

test('unpack: the same zip is never unpacked twice, even asked for at once; no partial folder is left', async () => {
  const { root, cache } = freshCache();
  const zip = zipSync({ 'index.js': encode('exports.a = 1') });
  const [a, b] = await Promise.all([cache.unpack(zip), cache.unpack(zip)]);
  assert.is(a.dir, b.dir);
  writeFileSync(path.join(a.dir, 'marker'), 'kept');
  await createCodeCache(root).unpack(zip);
  assert.is(readFileSync(path.join(a.dir, 'marker'), 'utf8'), 'kept');
  assert.equal(readdirSync(root).sort(), [a.key, 'package.json']);
});

test('unpack: entries with `..` or absolute paths, and bytes that are not a zip, are refused with Lambda\'s message', async () => {
  const { root, cache } = freshCache();
  for (const zip of [zipSync({ '../up.js': encode('x') }), zipSync({ 'a/../../up.js': encode('x') }), zipSync({ '/abs.js': encode('x') }), encode('plain text')]) {
    const error = await cache.unpack(zip).catch((e: Error) => e);
    assert.instance(error, BadZipError);
    assert.is((error as Error).message, 'Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  assert.equal(existsSync(root) ? readdirSync(root).filter((name) => name !== 'package.json') : [], []);
});

test('unpack: an empty package.json above the folders keeps a project\'s "type": "module" from reaching the code', async () => {
  const { root, cache } = freshCache();
  await cache.unpack(zipSync({ 'index.js': encode('') }));
  assert.equal(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')), {});
});

test('inlineSourceZip: the source as index.js, the same bytes every time', () => {
  const zip = inlineSourceZip('exports.handler = 1');
  assert.equal(zip, inlineSourceZip('exports.handler = 1'));
  assert.is.not(Buffer.from(zip).toString('hex'), Buffer.from(inlineSourceZip('exports.handler = 2')).toString('hex'));
});

test.run();
