import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { providerFor } from '../../../src/iac/resources/index.js';
import type { ProviderContext } from '../../../src/iac/resources/provider.js';

// The types the local gateway and runtime serve from the stack: ids shaped like AWS's, the attributes templates
// read, kept across updates.

const ctx: ProviderContext = {
  cognito: async () => {
    throw new Error('recorded types call no operation');
  },
  cognitoIdentity: async () => {
    throw new Error('recorded types call no operation');
  },
  s3: new Proxy({} as ProviderContext['s3'], { get: () => () => Promise.reject(new Error('recorded types call no S3')) }),
  region: 'eu-west-1',
  accountId: '123456789012',
  stackName: 'shop-local',
  log: () => {},
};
const create = (type: string, props: Record<string, unknown> = {}, logicalId = 'Thing') => providerFor(type)!.create(ctx, logicalId, props);

test('AWS::ApiGateway::RestApi: a 10-character id, RootResourceId kept across updates', async () => {
  const api = await create('AWS::ApiGateway::RestApi', { Name: 'shop' });
  assert.match(api.physicalId, /^[a-z0-9]{10}$/);
  assert.match(String(api.attributes.RootResourceId), /^[a-z0-9]{6}$/);
  const updated = await providerFor('AWS::ApiGateway::RestApi')!.update(ctx, api, { Name: 'renamed' }, { Name: 'shop' });
  assert.equal(updated, api);
});

test('AWS::ApiGateway::Resource: a 6-character id; a new path part replaces it', async () => {
  const resource = await create('AWS::ApiGateway::Resource', { RestApiId: 'a', ParentId: 'b', PathPart: 'items' });
  assert.match(resource.physicalId, /^[a-z0-9]{6}$/);
  const provider = providerFor('AWS::ApiGateway::Resource')!;
  assert.ok(provider.replaces({ PathPart: 'items' }, { PathPart: 'orders' }));
  assert.not.ok(provider.replaces({ PathPart: 'items' }, { PathPart: 'items' }));
});

test('AWS::ApiGatewayV2::Api: ApiEndpoint in AWS form (what serverless-localstack rewrites to local URLs)', async () => {
  const api = await create('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
  assert.is(api.attributes.ApiEndpoint, `https://${api.physicalId}.execute-api.eu-west-1.amazonaws.com`);
  const stage = await create('AWS::ApiGatewayV2::Stage', { ApiId: api.physicalId, StageName: '$default' });
  assert.is(stage.physicalId, '$default');
});

test('AWS::Lambda::Function: Ref is the name (or CloudFormation\'s generated one), Arn its ARN; a new name replaces', async () => {
  const named = await create('AWS::Lambda::Function', { FunctionName: 'shop-local-hello' });
  assert.equal(named, { physicalId: 'shop-local-hello', attributes: { Arn: 'arn:aws:lambda:eu-west-1:123456789012:function:shop-local-hello' } });
  const unnamed = await create('AWS::Lambda::Function', {}, 'Hello');
  assert.match(unnamed.physicalId, /^shop-local-Hello-[A-Za-z0-9]{12}$/);
  assert.ok(providerFor('AWS::Lambda::Function')!.replaces({ FunctionName: 'a' }, { FunctionName: 'b' }));
  assert.not.ok(providerFor('AWS::Lambda::Function')!.replaces({ Timeout: 3 }, { Timeout: 6 }));
});

test.run();
