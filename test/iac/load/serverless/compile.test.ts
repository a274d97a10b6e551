import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadServerless, type LoadedServerless } from '../../../../src/iac/load/serverless/index.js';
import { TemplateError } from '../../../../src/iac/template.js';

const fixtures = fileURLToPath(new URL('../../fixtures/serverless/', import.meta.url));

async function load(name: string): Promise<LoadedServerless> {
  const file = path.join(fixtures, name);
  return loadServerless(file, await readFile(file, 'utf8'), {
    stage: 'local', region: 'us-east-1', accountId: '000000000000', env: {},
    readFile: (other) => readFile(path.resolve(path.dirname(file), other), 'utf8'),
  });
}

// Expected IDs checked against `sls package` of osls 3.77.1 on this fixture.
test('compile: logical IDs follow the framework naming for dashes, underscores, path variables, root and pool names', async () => {
  const { template } = await load('compile/naming.yml');
  const ids = Object.keys(template.Resources).filter((id) => !id.startsWith('ApiGatewayDeployment'));
  assert.equal(ids.sort(), [
    'ApiGatewayMethodAny',
    'ApiGatewayMethodUsersUseridVarSignDashinGet',
    'ApiGatewayResourceUsers',
    'ApiGatewayResourceUsersUseridVar',
    'ApiGatewayResourceUsersUseridVarSignDashin',
    'ApiGatewayRestApi',
    'CognitoUserPoolMypoolv2',
    'GetDashuserUnderscorev2LambdaFunction',
    'GetDashuserUnderscorev2LambdaPermissionApiGateway',
    'GetDashuserUnderscorev2LambdaPermissionCognitoUserPoolMypoolv2TriggerSourcePostConfirmation',
    'GetDashuserUnderscorev2LambdaPermissionHttpApi',
    'GetDashuserUnderscorev2LogGroup',
    'HttpApi',
    'HttpApiIntegrationGetDashuserUnderscorev2',
    'HttpApiRouteDefault',
    'HttpApiStage',
    'IamRoleLambdaExecution',
    'ServerlessDeploymentBucket',
    'ServerlessDeploymentBucketPolicy',
  ]);
  assert.equal(template.Resources.ApiGatewayMethodAny!.Properties!.ResourceId, { 'Fn::GetAtt': ['ApiGatewayRestApi', 'RootResourceId'] });
  assert.is(template.Resources.HttpApiRouteDefault!.Properties!.RouteKey, '$default');
  assert.equal(template.Resources.CognitoUserPoolMypoolv2!.Properties, {
    UserPoolName: 'my-pool.v2',
    LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': ['GetDashuserUnderscorev2LambdaFunction', 'Arn'] } },
  });
});

test('compile: provider.stackName and provider.region win; function names default to <service>-<stage>-<key>', async () => {
  const loaded = await load('compile/naming.yml');
  assert.equal([loaded.stackName, loaded.region, loaded.service], ['custom-stack', 'eu-central-1', 'naming']);
  assert.equal(loaded.functions, [{
    key: 'get-user_v2', name: 'naming-local-get-user_v2', handler: 'src/user.handler', runtime: 'nodejs24.x', environment: {},
    logicalId: 'GetDashuserUnderscorev2LambdaFunction',
  }]);
  assert.is(loaded.template.Outputs!.ServiceEndpoint!.Export!.Name, 'sls-naming-local-ServiceEndpoint');
});

test('compile: the event pool and the user-written pool of the same name merge into one', async () => {
  const { template } = await load('package/serverless.yml');
  const pool = template.Resources.CognitoUserPoolMain!;
  assert.equal(pool.Properties!.LambdaConfig, { PreSignUp: { 'Fn::GetAtt': ['PreSignUpLambdaFunction', 'Arn'] } });
  assert.is(pool.Properties!.UserPoolName, 'cogniform-demo-local-users');
  assert.equal(pool.DependsOn, ['PreSignUpLambdaFunction']);
});

test('compile: compiled paths point back into serverless.yml', async () => {
  const loaded = await load('package/serverless.yml');
  const at = (...p: (string | number)[]) => {
    const { line, column } = loaded.locate(p);
    return `${line}:${column}`;
  };
  assert.is(at('Resources', 'HelloLambdaFunction', 'Properties', 'Handler'), '37:3');
  assert.is(at('Resources', 'ApiGatewayMethodAdminIdVarPost'), '55:9');
  assert.is(at('Resources', 'CognitoUserPoolMain', 'Properties', 'UserPoolName'), '92:9');
  assert.is(at('Outputs', 'UserPoolId', 'Value'), '113:7');
  assert.is(at('Outputs', 'ServiceEndpoint'), '1:1');
});

test('compile: a route naming an undeclared authorizer is an error at the event', async () => {
  try {
    await load('compile/unknownAuthorizer.yml');
    assert.unreachable('loaded');
  } catch (error) {
    assert.instance(error, TemplateError);
    assert.is(
      (error as TemplateError).message,
      `${fixtures}compile/unknownAuthorizer.yml:11:11 functions.me.events[0].httpApi.authorizer: names authorizer ` +
        '"notDeclared", which provider.httpApi.authorizers does not declare',
    );
  }
});

test.run();
