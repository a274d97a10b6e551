import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listStacks } from '../../../src/iac/stacks/stackRecord.js';
import { assertAwsError } from '../../helpers/assert.js';
import { awsCli } from '../../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// Triggers whose functions come from templates and run in the real Lambda runtime: UserMigration driven with the
// AWS CLI as LocalStack's manual does it, the serverless wirings of a trigger (a `cognitoUserPool` event, LambdaConfig
// with !GetAtt in resources, a user-written CognitoUserPool<Name> merged with an event), and the warning a reconcile
// gives for a LambdaConfig naming a function that no template defines.

const HANDLER = `
const LEGACY = { ana: { email: 'ana@example.com', password: 'legacy-pw' } };
exports.migrate = async (event) => {
  const known = LEGACY[event.userName];
  if (!known || (event.triggerSource === 'UserMigration_Authentication' && event.request.password !== known.password)) {
    throw new Error('Bad password');
  }
  event.response.userAttributes = { email: known.email, email_verified: 'true', 'custom:source': event.triggerSource };
  event.response.finalUserStatus = 'CONFIRMED';
  event.response.messageAction = 'SUPPRESS';
  return event;
};
exports.autoConfirm = async (event) => {
  event.response.autoConfirmUser = true;
  event.response.autoVerifyEmail = true;
  return event;
};
exports.slow = () => new Promise((resolve) => setTimeout(resolve, 10000));
`;

// functions: migrate and slow (only functions: CLI-made pools name them by ARN), confirm (cognitoUserPool events),
// confirm2 (wired by LambdaConfig in resources); the merged pool has both its settings and the event's trigger.
const SERVERLESS = `service: legacy
provider:
  name: aws
  runtime: nodejs20.x
functions:
  migrate:
    handler: handler.migrate
  confirm:
    handler: handler.autoConfirm
    events:
      - cognitoUserPool: { pool: Events, trigger: PreSignUp }
      - cognitoUserPool: { pool: Merged, trigger: PreSignUp }
  confirm2:
    handler: handler.autoConfirm
  slow:
    handler: handler.slow
resources:
  Resources:
    CognitoUserPoolMerged:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: merged-pool
        AutoVerifiedAttributes: [email]
        UsernameAttributes: [email]
    WiredPool:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: wired
        LambdaConfig:
          PreSignUp: !GetAtt Confirm2LambdaFunction.Arn
          UserMigration: !GetAtt MigrateLambdaFunction.Arn
    DanglingPool:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: dangling
        LambdaConfig:
          UserMigration: arn:aws:lambda:us-east-1:000000000000:function:legacy-local-gone
`;

let folder: string;
let emulator: TestEmulator;
const errors: string[] = [];

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cogniform-migration-'));
  await writeFile(path.join(folder, 'handler.js'), HANDLER);
  await writeFile(path.join(folder, 'serverless.yml'), SERVERLESS);
  emulator = await startTestEmulator({
    templates: { paths: [folder], watch: false, stage: 'local', parameters: {} },
    log: { info: () => {}, error: (message) => errors.push(message) },
    triggerTimeoutMs: 1_000,
  });
});
test.after(async () => {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

async function poolNamed(name: string): Promise<string> {
  const { body } = await emulator.call('ListUserPools', { MaxResults: 60 });
  const pool = body.UserPools.find((p: { Name: string }) => p.Name === name);
  assert.ok(pool, `no pool ${name}: ${JSON.stringify(body)} ${errors.join('\n')}`);
  return pool.Id;
}

async function clientOf(poolId: string): Promise<string> {
  const { body } = await emulator.call('CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return body.UserPoolClient.ClientId;
}

test('UserMigration: the AWS CLI flow of LocalStack\'s manual, with the function from a serverless.yml', async () => {
  const aws = awsCli(emulator.url);
  const pool = await aws('create-user-pool', '--pool-name', 'cli-pool', '--lambda-config',
    JSON.stringify({ UserMigration: arn('legacy-local-migrate') }));
  assert.is(pool.code, 0, pool.stderr);
  const poolId = pool.json.UserPool.Id;
  await aws('add-custom-attributes', '--user-pool-id', poolId, '--custom-attributes', 'Name=source,AttributeDataType=String');
  const client = await aws('create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'cli',
    '--explicit-auth-flows', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH');
  assert.is(client.code, 0, client.stderr);
  const clientId = client.json.UserPoolClient.ClientId;

  const signIn = await aws('initiate-auth', '--client-id', clientId, '--auth-flow', 'USER_PASSWORD_AUTH',
    '--auth-parameters', 'USERNAME=ana,PASSWORD=legacy-pw');
  assert.is(signIn.code, 0, signIn.stderr);
  assert.ok(signIn.json.AuthenticationResult.AccessToken);

  const user = await aws('admin-get-user', '--user-pool-id', poolId, '--username', 'ana');
  assert.is(user.json.UserStatus, 'CONFIRMED');
  const attributes = Object.fromEntries(user.json.UserAttributes.map((a: any) => [a.Name, a.Value]));
  assert.is(attributes.email, 'ana@example.com');
  // Set by the function from the event it received: the trigger source reached the runtime's handler.
  assert.is(attributes['custom:source'], 'UserMigration_Authentication');

  const wrong = await aws('initiate-auth', '--client-id', clientId, '--auth-flow', 'USER_PASSWORD_AUTH',
    '--auth-parameters', 'USERNAME=bo,PASSWORD=whatever');
  assert.is.not(wrong.code, 0);
  assert.match(wrong.stderr, /UserLambdaValidationException.*UserMigration failed with error Bad password\./);
});

test('UserMigration: a pool of the template wired by LambdaConfig with !GetAtt migrates through the runtime', async () => {
  const poolId = await poolNamed('wired');
  const clientId = await clientOf(poolId);
  const result = await emulator.call('InitiateAuth', {
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: 'legacy-pw' },
  });
  // custom:source is not in this pool's schema: the migration is refused as the attributes would be.
  assertAwsError(result, 'InvalidParameterException', 400, /custom:source/);
  assertAwsError(await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: 'ana' }), 'UserNotFoundException', 404);
});

test('PreSignUp: LambdaConfig with !GetAtt <Fn>LambdaFunction.Arn in resources runs the function on SignUp', async () => {
  const poolId = await poolNamed('wired');
  const clientId = await clientOf(poolId);
  const signUp = await emulator.call('SignUp', { ClientId: clientId, Username: 'kai', Password: 'Passw0rd!x', UserAttributes: [{ Name: 'email', Value: 'kai@example.com' }] });
  assert.is(signUp.status, 200, JSON.stringify(signUp.body));
  assert.is(signUp.body.UserConfirmed, true);
});

test('PreSignUp: a cognitoUserPool event makes CognitoUserPool<Name> with the trigger; SignUp auto-confirms', async () => {
  const poolId = await poolNamed('Events');
  const stack = (await listStacks(emulator.store)).find((s) => s.Name === 'legacy-local')!;
  assert.is(stack.Resources.CognitoUserPoolEvents!.PhysicalId, poolId);
  const described = await emulator.call('DescribeUserPool', { UserPoolId: poolId });
  assert.equal(described.body.UserPool.LambdaConfig, { PreSignUp: arn('legacy-local-confirm') });
  const signUp = await emulator.call('SignUp', { ClientId: await clientOf(poolId), Username: 'lou', Password: 'Passw0rd!x' });
  assert.is(signUp.status, 200, JSON.stringify(signUp.body));
  assert.is(signUp.body.UserConfirmed, true);
  const user = await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: 'lou' });
  assert.is(user.body.UserStatus, 'CONFIRMED');
});

test('PreSignUp: a user-written CognitoUserPool<Name> merges with the event on the same pool', async () => {
  const poolId = await poolNamed('merged-pool');
  const described = await emulator.call('DescribeUserPool', { UserPoolId: poolId });
  assert.equal(described.body.UserPool.UsernameAttributes, ['email']);
  assert.equal(described.body.UserPool.LambdaConfig, { PreSignUp: arn('legacy-local-confirm') });
  const signUp = await emulator.call('SignUp', { ClientId: await clientOf(poolId), Username: 'mo@example.com', Password: 'Passw0rd!x' });
  assert.is(signUp.status, 200, JSON.stringify(signUp.body));
  assert.is(signUp.body.UserConfirmed, true);
  const user = await emulator.call('AdminGetUser', { UserPoolId: poolId, Username: 'mo@example.com' });
  const verified = user.body.UserAttributes.find((a: any) => a.Name === 'email_verified');
  assert.is(verified?.Value, 'true');
});

test('reconcile: a LambdaConfig ARN that no local function has is a warning at its file and line', async () => {
  const warnings = errors.filter((line) => line.includes('warning:'));
  assert.is(warnings.length, 1, errors.join('\n'));
  const [warning] = warnings;
  const file = path.join(folder, 'serverless.yml');
  const line = SERVERLESS.split('\n').findIndex((l) => l.includes('UserMigration: arn:aws:lambda')) + 1;
  assert.ok(warning!.startsWith(`${file}:${line}:`), warning);
  assert.match(warning!, 'Resources.DanglingPool.Properties.LambdaConfig.UserMigration');
  assert.match(warning!, `the UserMigration trigger ${arn('legacy-local-gone')} names no local function named legacy-local-gone`);
});

test('UserMigration: the dangling trigger fails as UnexpectedLambdaException when it fires', async () => {
  const clientId = await clientOf(await poolNamed('dangling'));
  const result = await emulator.call('InitiateAuth', {
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: 'legacy-pw' },
  });
  assertAwsError(result, 'UnexpectedLambdaException', 400, /legacy-local-gone/);
});

test('UserMigration: a runtime function slower than the limit fails the call in time, as AWS does', async () => {
  const aws = awsCli(emulator.url);
  const pool = await aws('create-user-pool', '--pool-name', 'slow', '--lambda-config',
    JSON.stringify({ UserMigration: arn('legacy-local-slow') }));
  assert.is(pool.code, 0, pool.stderr);
  const clientId = await clientOf(pool.json.UserPool.Id);
  const before = Date.now();
  const result = await emulator.call('InitiateAuth', {
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: 'legacy-pw' },
  });
  assertAwsError(result, 'UnexpectedLambdaException', 400,
    'UserMigration invocation failed due to error Socket timeout while invoking Lambda function.');
  assert.ok(Date.now() - before < 4_000, `took ${Date.now() - before} ms`);
});

test.run();
