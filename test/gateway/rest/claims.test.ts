import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { javaDate, restClaims } from '../../../src/gateway/rest/claims.js';

test('restClaims: exp and iat as Java dates, auth_time as epoch seconds, the rest as strings', () => {
  assert.equal(
    restClaims({
      exp: 1795323685, iat: 1469814773, auth_time: 1469814773, email_verified: true, 'custom:tier': 'gold',
      'cognito:groups': ['admin', 'staff'], identities: [{ providerName: 'Google' }], version: 2,
    }),
    {
      exp: 'Sun Nov 22 05:01:25 UTC 2026',
      iat: 'Fri Jul 29 17:52:53 UTC 2016',
      auth_time: '1469814773',
      email_verified: 'true',
      'custom:tier': 'gold',
      'cognito:groups': '[admin staff]',
      identities: '[{"providerName":"Google"}]',
      version: '2',
    },
  );
});

test('javaDate: pads the day of the month', () => {
  assert.is(javaDate(Date.UTC(2023, 4, 4, 3, 50, 6) / 1000), 'Thu May 04 03:50:06 UTC 2023');
});

test.run();
