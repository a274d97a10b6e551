import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, rejection, withEmulator } from '../helpers/emulator.js';
import { awsService } from '../helpers/awsCli.js';

const ssm = withEmulator(test, (emulator) => awsClient(SSMClient, emulator), { options: { accountId: '123456789012' } });

async function raw(operation: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await ssm.emulator.app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonSSM.${operation}` },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

test('PutParameter: creates version 1 and GetParameter reads it back', async () => {
  const put = await ssm.client.send(new PutParameterCommand({ Name: '/app/db/url', Value: 'postgres://x', Type: 'String' }));
  assert.equal({ Version: put.Version, Tier: put.Tier }, { Version: 1, Tier: 'Standard' });
  const { Parameter } = await ssm.client.send(new GetParameterCommand({ Name: '/app/db/url' }));
  assert.is(Parameter?.Value, 'postgres://x');
  assert.is(Parameter?.Type, 'String');
  assert.is(Parameter?.Version, 1);
  assert.is(Parameter?.DataType, 'text');
  assert.is(Parameter?.ARN, 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db/url');
  assert.ok(Parameter?.LastModifiedDate instanceof Date && Math.abs(Parameter.LastModifiedDate.getTime() - Date.now()) < 60_000);
});

test('PutParameter: an existing name needs Overwrite, which bumps the version and keeps the type', async () => {
  await ssm.client.send(new PutParameterCommand({ Name: 'plain', Value: 'a', Type: 'StringList' }));
  const error = await rejection(ssm.client.send(new PutParameterCommand({ Name: 'plain', Value: 'b', Type: 'StringList' })));
  assert.is(error.name, 'ParameterAlreadyExists');
  assert.is(error.message, 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
  const put = await ssm.client.send(new PutParameterCommand({ Name: 'plain', Value: 'b,c', Overwrite: true }));
  assert.is(put.Version, 2);
  const { Parameter } = await ssm.client.send(new GetParameterCommand({ Name: 'plain' }));
  assert.equal([Parameter?.Value, Parameter?.Type, Parameter?.ARN], ['b,c', 'StringList', 'arn:aws:ssm:us-east-1:123456789012:parameter/plain']);
});

test('PutParameter: parameters are regional', async () => {
  await ssm.client.send(new PutParameterCommand({ Name: '/regional', Value: 'east', Type: 'String' }));
  const west = awsClient(SSMClient, ssm.emulator, { region: 'eu-west-1' });
  const error = await rejection(west.send(new GetParameterCommand({ Name: '/regional' })));
  west.destroy();
  assert.is(error.name, 'ParameterNotFound');
});

test('PutParameter: bad input answers ValidationException in AWS words', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ Value: 'v', Type: 'String' }, "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"],
    [{ Name: '/n', Type: 'String' }, "1 validation error detected: Value null at 'value' failed to satisfy constraint: Member must not be null"],
    [{ Name: '/n', Value: '', Type: 'String' }, "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [{ Name: '/n', Value: 'v', Type: 'Number' }, "1 validation error detected: Value 'Number' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"],
    [{ Name: '/fresh', Value: 'v' }, 'A parameter type is required when you create a parameter.'],
    [{ Name: 'a/b', Value: 'v', Type: 'String' }, 'Parameter name must be a fully qualified name.'],
    [{ Name: 'awsThing', Value: 'v', Type: 'String' }, 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).'],
    [{ Name: '/ssm/x', Value: 'v', Type: 'String' }, 'Parameter name: can\'t be prefixed with "ssm" (case-insensitive).'],
    [{ Name: '/has space', Value: 'v', Type: 'String' }, 'each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_'],
    [{ Name: '/big', Value: 'x'.repeat(4097), Type: 'String' }, 'Standard tier parameters support a maximum parameter value of 4096 characters.'],
  ];
  for (const [input, message] of cases) {
    const error = await rejection(ssm.client.send(new PutParameterCommand(input as never)));
    assert.is(error.name, 'ValidationException', JSON.stringify(input).slice(0, 80));
    assert.ok(error.message.includes(message), `${error.message} !~ ${message}`);
  }
  const typed = await raw('PutParameter', { Name: 5, Value: 'v', Type: 'String' });
  assert.equal([typed.status, typed.body.__type], [400, 'SerializationException']);
});

test('GetParameter: an unknown name is ParameterNotFound with an empty message', async () => {
  const answer = await raw('GetParameter', { Name: '/nope', WithDecryption: true });
  assert.is(answer.status, 400);
  assert.equal(answer.body, { __type: 'ParameterNotFound', message: '' });
  const bad = await raw('GetParameter', { WithDecryption: 'yes', Name: '/x' });
  assert.equal([bad.status, bad.body.__type], [400, 'SerializationException']);
  const missing = await raw('GetParameter', {});
  assert.equal([missing.status, missing.body.__type], [400, 'ValidationException']);
});

test('GetParameter: a SecureString is plain only WithDecryption', async () => {
  await ssm.client.send(new PutParameterCommand({ Name: '/secret', Value: 's3cret', Type: 'SecureString' }));
  const plain = await ssm.client.send(new GetParameterCommand({ Name: '/secret', WithDecryption: true }));
  assert.is(plain.Parameter?.Value, 's3cret');
  const hidden = await ssm.client.send(new GetParameterCommand({ Name: '/secret' }));
  assert.is.not(hidden.Parameter?.Value, 's3cret');
});

test('GetParameters: found names and InvalidParameters', async () => {
  await ssm.client.send(new PutParameterCommand({ Name: '/many/a', Value: '1', Type: 'String' }));
  const answer = await ssm.client.send(new GetParametersCommand({ Names: ['/many/a', '/many/missing'] }));
  assert.equal(answer.Parameters?.map((p) => p.Name), ['/many/a']);
  assert.equal(answer.InvalidParameters, ['/many/missing']);
  const tooMany = await rejection(ssm.client.send(new GetParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `/p${i}`) })));
  assert.is(tooMany.name, 'ValidationException');
  assert.match(tooMany.message, 'Member must have length less than or equal to 10');
  const none = await rejection(ssm.client.send(new GetParametersCommand({ Names: [] })));
  assert.is(none.name, 'ValidationException');
});

test('DeleteParameter: removes the parameter; a second delete is ParameterNotFound', async () => {
  await ssm.client.send(new PutParameterCommand({ Name: '/gone', Value: 'x', Type: 'String' }));
  await ssm.client.send(new DeleteParameterCommand({ Name: '/gone' }));
  const read = await rejection(ssm.client.send(new GetParameterCommand({ Name: '/gone' })));
  assert.is(read.name, 'ParameterNotFound');
  const again = await rejection(ssm.client.send(new DeleteParameterCommand({ Name: '/gone' })));
  assert.is(again.name, 'ParameterNotFound');
  const missing = await raw('DeleteParameter', {});
  assert.equal([missing.status, missing.body.__type], [400, 'ValidationException']);
});

test('GetParametersByPath: direct children, Recursive, and pages', async () => {
  for (const name of ['/tree/a', '/tree/b', '/tree/sub/c', '/tree/sub/deep/d', '/treehouse']) {
    await ssm.client.send(new PutParameterCommand({ Name: name, Value: name, Type: 'String' }));
  }
  const direct = await ssm.client.send(new GetParametersByPathCommand({ Path: '/tree' }));
  assert.equal(direct.Parameters?.map((p) => p.Name), ['/tree/a', '/tree/b']);
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ssm.client.send(new GetParametersByPathCommand({ Path: '/tree/', Recursive: true, MaxResults: 3, NextToken }));
    assert.ok((page.Parameters?.length ?? 0) <= 3);
    names.push(...(page.Parameters ?? []).map((p) => p.Name!));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.equal(names, ['/tree/a', '/tree/b', '/tree/sub/c', '/tree/sub/deep/d']);
});

test('GetParametersByPath: bad input answers ValidationException', async () => {
  const relative = await rejection(ssm.client.send(new GetParametersByPathCommand({ Path: 'tree' })));
  assert.is(relative.name, 'ValidationException');
  assert.match(relative.message, 'The parameter name must begin with a forward slash "/".');
  const big = await rejection(ssm.client.send(new GetParametersByPathCommand({ Path: '/tree', MaxResults: 11 })));
  assert.is(big.message, "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
});

test('PutParameter: the AWS CLI puts and gets a parameter', async () => {
  const cli = awsService(ssm.emulator.url, 'ssm');
  const put = await cli('put-parameter', '--name', '/cli/p', '--value', 'hello', '--type', 'String');
  assert.is(put.code, 0, put.stderr);
  assert.equal(put.json, { Version: 1, Tier: 'Standard' });
  const got = await cli('get-parameter', '--name', '/cli/p', '--with-decryption');
  assert.is(got.code, 0, got.stderr);
  assert.is(got.json.Parameter.Value, 'hello');
  const missing = await cli('get-parameter', '--name', '/cli/none');
  assert.is(missing.code, 254);
  assert.match(missing.stderr, 'An error occurred (ParameterNotFound) when calling the GetParameter operation');
});

test('GetParameter: other SSM operations answer UnknownOperationException', async () => {
  const answer = await raw('DescribeParameters', {});
  assert.equal(answer.body, { __type: 'UnknownOperationException', message: 'Unknown operation DescribeParameters' });
});

test.run();
