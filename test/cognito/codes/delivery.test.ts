import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeDeliveryDetails, maskDestination } from '../../../src/cognito/codes/delivery.js';

test('Code delivery: an email shows its first letter and its domain\'s, as AWS masks it', () => {
  assert.is(maskDestination({ attribute: 'email', destination: 'alice@example.com' }), 'a***@e***');
  assert.is(maskDestination({ attribute: 'email', destination: 'b@x@mail.org' }), 'b***@m***');
});

test('Code delivery: a phone number shows only its last four digits', () => {
  assert.is(maskDestination({ attribute: 'phone_number', destination: '+15555550123' }), '+*******0123');
  assert.equal(codeDeliveryDetails({ attribute: 'phone_number', destination: '+4412345' }),
    { Destination: '+***2345', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
});

test.run();
