import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, resolveConfig } from '../../src/config.js';

// SMTP settings from the environment, under the names LocalStack's manual uses.

const smtp = (env: Record<string, string>) => resolveConfig({}, env).smtp;

test('SMTP settings: none without SMTP_HOST, even with the other variables set', () => {
  assert.is(smtp({ SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_EMAIL: 'a@b.test' }), undefined);
});

test('SMTP settings: SMTP_HOST as host:port, or with SMTP_PORT, or on port 25', () => {
  assert.equal(smtp({ SMTP_HOST: 'mail.test:2525' }), { host: 'mail.test', port: 2525, user: undefined, pass: undefined, from: undefined });
  assert.is(smtp({ SMTP_HOST: 'mail.test', SMTP_PORT: '587' })!.port, 587);
  assert.is(smtp({ SMTP_HOST: 'mail.test:587', SMTP_PORT: '587' })!.port, 587);
  assert.is(smtp({ SMTP_HOST: 'mail.test' })!.port, 25);
  assert.equal(smtp({ SMTP_HOST: 'mail.test', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_EMAIL: 'Dev <dev@x.test>' }), {
    host: 'mail.test', port: 25, user: 'u', pass: 'p', from: 'Dev <dev@x.test>',
  });
});

test('SMTP settings: mistakes are ConfigErrors that say what to fix', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ SMTP_HOST: 'mail.test:2525', SMTP_PORT: '25' }, /names port 2525 but SMTP_PORT is 25/],
    [{ SMTP_HOST: 'mail.test', SMTP_PORT: 'smtp' }, /SMTP_PORT: "smtp" is not a port number/],
    [{ SMTP_HOST: 'mail.test:99999' }, /SMTP_HOST: "99999" is not a port number/],
    [{ SMTP_HOST: ':25' }, /has no host name/],
    [{ SMTP_HOST: 'mail.test', SMTP_USER: 'u' }, /SMTP_USER and SMTP_PASS go together/],
    [{ SMTP_HOST: 'mail.test', SMTP_EMAIL: 'nobody' }, /SMTP_EMAIL: "nobody" is not an email address/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => smtp(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  }
});

test.run();
