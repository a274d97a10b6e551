import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CognitoError } from '../../../src/cognito/errors.js';
import { checkPinned, deleting, generatedName } from '../../../src/iac/resources/cognito/common.js';

const failing = (type: ConstructorParameters<typeof CognitoError>[0]) => Promise.reject(new CognitoError(type, `${type} happened`));

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  return assert.unreachable('expected a rejection');
}

test('generatedName: the logical ID, a hyphen and 12 alphanumerics, different each time', () => {
  assert.match(generatedName('Pool'), /^Pool-[A-Za-z0-9]{12}$/);
  assert.is.not(generatedName('Pool'), generatedName('Pool'));
});

test('deleting: a resource already gone is deleted; other errors surface', async () => {
  await deleting(failing('ResourceNotFoundException'));
  const error = await rejection(deleting(failing('InvalidParameterException')));
  assert.is((error as CognitoError).type, 'InvalidParameterException');
});

test('checkPinned: a created id other than the pinned one is an error', () => {
  checkPinned('AWS::Cognito::UserPool', undefined, 'us-east-1_a');
  checkPinned('AWS::Cognito::UserPool', 'us-east-1_a', 'us-east-1_a');
  assert.throws(() => checkPinned('AWS::Cognito::UserPool', 'us-east-1_pinned', 'us-east-1_b'), /pinned id us-east-1_pinned/);
});

test.run();
