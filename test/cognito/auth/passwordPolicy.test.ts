import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkPassword, generateTemporaryPassword } from '../../../src/cognito/auth/passwordPolicy.js';
import { InvalidPasswordException } from '../../../src/cognito/errors.js';
import { randomIds } from '../../../src/cognito/ids.js';

const DEFAULT = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

function messageOf(policy: object | undefined, password: string): string | undefined {
  try {
    checkPassword(policy, password);
    return undefined;
  } catch (error) {
    assert.instance(error, InvalidPasswordException);
    return (error as Error).message;
  }
}

test('passwordPolicy: names the first rule a password breaks, as AWS words it', () => {
  const prefix = 'Password did not conform with policy: ';
  assert.is(messageOf(DEFAULT, 'Ab1!'), `${prefix}Password not long enough`);
  assert.is(messageOf(DEFAULT, 'ABCDEFG1!'), `${prefix}Password must have lowercase characters`);
  assert.is(messageOf(DEFAULT, 'abcdefg1!'), `${prefix}Password must have uppercase characters`);
  assert.is(messageOf(DEFAULT, 'Abcdefgh!'), `${prefix}Password must have numeric characters`);
  assert.is(messageOf(DEFAULT, 'Abcdefgh1'), `${prefix}Password must have symbol characters`);
  assert.is(messageOf(DEFAULT, 'Abcdefg1!'), undefined);
});

test('passwordPolicy: every AWS symbol counts, and a space only inside the password', () => {
  for (const symbol of '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-') assert.is(messageOf(DEFAULT, `Abcdefg1${symbol}`), undefined, symbol);
  assert.is(messageOf(DEFAULT, 'Abcd efg1'), undefined);
  assert.match(messageOf(DEFAULT, ' Abcdefg1 ')!, /symbol/);
  assert.match(messageOf(DEFAULT, 'Abcdefg1é')!, /symbol/);
});

test('passwordPolicy: rules the policy turns off are not checked; a missing policy is the default', () => {
  const lax = { MinimumLength: 6, RequireUppercase: false, RequireLowercase: false, RequireNumbers: false, RequireSymbols: false };
  assert.is(messageOf(lax, 'aaaaaa'), undefined);
  assert.match(messageOf(lax, 'aaaaa')!, /not long enough/);
  assert.match(messageOf(undefined, 'abcdefgh')!, /uppercase/);
});

test('passwordPolicy: generated temporary passwords meet the strictest policy of their length', () => {
  for (const MinimumLength of [6, 8, 20, 99]) {
    for (let i = 0; i < 20; i++) {
      const password = generateTemporaryPassword({ ...DEFAULT, MinimumLength }, randomIds);
      assert.is(messageOf({ ...DEFAULT, MinimumLength }, password), undefined, password);
      assert.is(password.length, Math.max(MinimumLength, 8));
      assert.match(password, /^[^\s"'`\\]+$/);
    }
  }
});

test('passwordPolicy: generation draws from the injected ids', () => {
  const ids = { random: (alphabet: string, length: number) => alphabet[0]!.repeat(length) };
  assert.is(generateTemporaryPassword(DEFAULT, ids), 'AaAAAA0^');
});

test.run();
