import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { UserPoolRecord } from '../../src/cognito/model/userPool.js';
import { composeEmail } from '../../src/email/composeEmail.js';

// Which text and sender an email gets, for the kinds the SMTP tests do not reach through the API.

const pool = (extra: Partial<UserPoolRecord>) => ({ Id: 'us-east-1_abc', Name: 'p', Arn: 'arn', CreationDate: 0, LastModifiedDate: 0, ...extra });
const sent = { to: 'a@x.test', username: 'alice', code: '424242' };

test('composeEmail: email MFA codes use the pool\'s EmailMfaConfiguration', () => {
  const email = composeEmail(pool({ MfaSettings: { SmsMfaEnabled: false, EmailMfaConfiguration: { Subject: 'Sign-in', Message: 'Code: {####}' } } }),
    { ...sent, kind: 'MFA' });
  assert.equal([email.subject, email.html], ['Sign-in', 'Code: 424242']);
});

test('composeEmail: password reset codes use the older EmailVerificationMessage/Subject when there is no template', () => {
  const email = composeEmail(pool({ EmailVerificationSubject: 'Reset', EmailVerificationMessage: 'Reset with {####}' }),
    { ...sent, kind: 'FORGOT_PASSWORD' });
  assert.equal([email.subject, email.html], ['Reset', 'Reset with 424242']);
});

test('composeEmail: the default invitation names the user; CustomMessage\'s subject alone keeps the default body', () => {
  const email = composeEmail(undefined, { ...sent, kind: 'TEMPORARY_PASSWORD', subject: 'Welcome' });
  assert.equal([email.subject, email.html], ['Welcome', 'Your username is alice and temporary password is 424242.']);
});

test('composeEmail: the sender is an email identity\'s address in SourceArn, none for a domain identity', () => {
  const arn = (identity: string) => pool({ EmailConfiguration: { SourceArn: `arn:aws:ses:us-east-1:000000000000:identity/${identity}` } });
  assert.is(composeEmail(arn('ses@acme.test'), { ...sent, kind: 'SIGN_UP' }).from, 'ses@acme.test');
  assert.is(composeEmail(arn('acme.test'), { ...sent, kind: 'SIGN_UP' }).from, undefined);
});

test.run();
