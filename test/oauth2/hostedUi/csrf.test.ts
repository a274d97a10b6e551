import type { FastifyReply, FastifyRequest } from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csrfField, csrfHolds } from '../../../src/oauth2/hostedUi/csrf.js';
import { toString } from '../../../src/oauth2/hostedUi/render/html.js';

// csrfField and csrfHolds on their own: what a page sets and what a post must bring (the pages' own tests and
// test/reliability/exposure/hostedUiCsrf.test.ts drive them through the server).

function reply(protocol: 'http' | 'https', cookie?: string) {
  const set: string[] = [];
  const fake = {
    request: { protocol, headers: cookie === undefined ? {} : { cookie } },
    header(name: string, value: string) {
      if (name === 'set-cookie') set.push(value);
      return fake;
    },
  };
  return { reply: fake as unknown as FastifyReply, set };
}

const post = (body: string, cookie?: string) =>
  ({ body: Buffer.from(body), headers: cookie === undefined ? {} : { cookie } }) as unknown as FastifyRequest;

const tokenOf = (field: string) => /value="([^"]+)"/.exec(field)![1]!;

test('csrf: a page over https sets a Secure cookie, over http not', () => {
  const https = reply('https');
  csrfField(https.reply);
  assert.match(https.set[0]!, /^cogniform-xsrf=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
  const http = reply('http');
  csrfField(http.reply);
  assert.match(http.set[0]!, /^cogniform-xsrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
});

test('csrf: a browser keeps its token; a browser without one, or with one cogniform did not mint, gets a new one', () => {
  const first = reply('http');
  const token = tokenOf(toString(csrfField(first.reply)));
  assert.is(first.set[0], `cogniform-xsrf=${token}; Path=/; HttpOnly; SameSite=Lax`);
  const again = reply('http', `other=1; cogniform-xsrf=${token}`);
  assert.is(tokenOf(toString(csrfField(again.reply))), token);
  for (const planted of ['short', `${token}x`, '<script>', '']) {
    const fresh = tokenOf(toString(csrfField(reply('http', `cogniform-xsrf=${planted}`).reply)));
    assert.is.not(fresh, planted);
    assert.match(fresh, /^[A-Za-z0-9_-]{43}$/);
  }
});

test('csrf: a post holds when its _csrf is the cookie\'s token, and only then', () => {
  const token = tokenOf(toString(csrfField(reply('http').reply)));
  assert.ok(csrfHolds(post(`username=a&_csrf=${token}`, `cogniform-xsrf=${token}`)));
  // Two cookies of the name (a stale one of another Path, say): the post holds when one of them is its token.
  assert.ok(csrfHolds(post(`_csrf=${token}`, `cogniform-xsrf=theirs; cogniform-xsrf=${token}`)));
  assert.not.ok(csrfHolds(post(`username=a`, `cogniform-xsrf=${token}`)), 'no field');
  assert.not.ok(csrfHolds(post(`_csrf=${token}`)), 'no cookie');
  assert.not.ok(csrfHolds(post(`_csrf=${token}`, `xsrf-token=${token}`)), 'another cookie name');
  assert.not.ok(csrfHolds(post('_csrf=', 'cogniform-xsrf=')), 'empty both');
  assert.not.ok(csrfHolds(post(`_csrf=${token.slice(1)}`, `cogniform-xsrf=${token}`)), 'a shorter token');
  assert.not.ok(csrfHolds(post(`_csrf=${encodeURIComponent('é'.repeat(20))}`, `cogniform-xsrf=${'e'.repeat(20)}`)), 'same length in characters, not in bytes');
});

test.run();
