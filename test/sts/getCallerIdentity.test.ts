import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, withEmulator } from '../helpers/emulator.js';
import { awsService } from '../helpers/awsCli.js';

const sts = withEmulator(test, (emulator) => awsClient(STSClient, emulator), { options: { accountId: '123456789012' } });

test('GetCallerIdentity: answers the emulator account as the root user', async () => {
  const answer = await sts.client.send(new GetCallerIdentityCommand({}));
  assert.is(answer.Account, '123456789012');
  assert.is(answer.UserId, '123456789012');
  assert.is(answer.Arn, 'arn:aws:iam::123456789012:root');
});

test('GetCallerIdentity: the Arn carries the partition of the region', async () => {
  const china = awsClient(STSClient, sts.emulator, { region: 'cn-north-1' });
  const answer = await china.send(new GetCallerIdentityCommand({}));
  china.destroy();
  assert.is(answer.Arn, 'arn:aws-cn:iam::123456789012:root');
});

test('GetCallerIdentity: the AWS CLI prints the identity', async () => {
  const result = await awsService(sts.emulator.url, 'sts')('get-caller-identity');
  assert.is(result.code, 0, result.stderr);
  assert.equal(result.json, { UserId: '123456789012', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root' });
});

test('GetCallerIdentity: an STS action cogniform does not have answers InvalidAction', async () => {
  const response = await sts.emulator.app.inject({
    method: 'POST',
    url: '/',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x',
    },
    payload: 'Action=AssumeRole&Version=2011-06-15',
  });
  assert.is(response.statusCode, 400);
  assert.match(response.body, '<Code>InvalidAction</Code>');
});

test.run();
