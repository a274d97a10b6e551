import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listStacks } from '../../../src/iac/stacks/stackRecord.js';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// The triggers as a serverless app wires them: functions of the template, run by the local Lambda runtime, named
// by `cognitoUserPool` events (PreTokenGeneration with `lambdaVersion: V2_0`, and PreAuthentication), and a V2
// claim and scope seen by the function behind an `httpApi` route's JWT authorizer (requestContext.authorizer.jwt).

const SERVERLESS = `
service: notes
provider:
  name: aws
  runtime: nodejs20.x
  httpApi:
    authorizers:
      cognito:
        type: jwt
        identitySource: $request.header.Authorization
        issuerUrl:
          Fn::Join: ['', ['https://cognito-idp.', { Ref: AWS::Region }, '.amazonaws.com/', { Ref: CognitoUserPoolUsers }]]
        audience:
          - Ref: UserPoolClient
functions:
  preToken:
    handler: handler.preToken
    events:
      - cognitoUserPool: { pool: users, trigger: PreTokenGeneration, lambdaVersion: V2_0 }
  preAuth:
    handler: handler.preAuth
    events:
      - cognitoUserPool: { pool: users, trigger: PreAuthentication }
  me:
    handler: handler.me
    events:
      - httpApi:
          method: GET
          path: /me
          authorizer: { name: cognito, scopes: [notes/read] }
resources:
  Resources:
    UserPoolClient:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: { Ref: CognitoUserPoolUsers }
        ClientName: web
        ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
`;

const HANDLER = `
exports.preToken = async (event) => {
  event.response.claimsAndScopeOverrideDetails = {
    accessTokenGeneration: {
      claimsToAddOrOverride: { tenant: 'acme', seenVersion: event.version },
      scopesToAdd: ['notes/read'],
    },
  };
  return event;
};
exports.preAuth = async (event) => {
  if (event.request.validationData && event.request.validationData.blocked === 'yes') throw new Error('blocked by policy');
  return event;
};
exports.me = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer.jwt) });
`;

let dir: string;
let emulator: TestEmulator;
let poolId: string;
let clientId: string;
let apiId: string;

test.before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cogniform-pretoken-'));
  writeFileSync(path.join(dir, 'serverless.yml'), SERVERLESS);
  writeFileSync(path.join(dir, 'handler.js'), HANDLER);
  emulator = await startTestEmulator({ templates: { paths: [dir], watch: false, stage: 'local', parameters: {} } });
  const [stack] = await listStacks(emulator.store);
  const physical = (logicalId: string) => stack!.Resources[logicalId]!.PhysicalId!;
  poolId = physical('CognitoUserPoolUsers');
  clientId = physical('UserPoolClient');
  apiId = physical('HttpApi');
  await emulator.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'Chosen-Passw0rd!', Permanent: true }));
});
test.after(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (ClientMetadata?: Record<string, string>) =>
  emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Chosen-Passw0rd!' },
    ...(ClientMetadata ? { ClientMetadata } : {}),
  }));

test('PreTokenGeneration: a V2_0 claim and scope from a template\'s function reach the route\'s JWT authorizer', async () => {
  const { AuthenticationResult } = await signIn();
  const url = `${emulator.url}/restapis/${apiId}/$default/_user_request_/me`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${AuthenticationResult!.AccessToken}` } });
  assert.is(response.status, 200);
  const jwt = await response.json() as { claims: Record<string, string>; scopes: string[] | null };
  assert.is(jwt.claims.tenant, 'acme');
  assert.is(jwt.claims.seenVersion, '2');
  assert.is(jwt.claims.client_id, clientId);
  assert.ok(jwt.claims.scope!.split(' ').includes('notes/read'));
  // Without the function's scope the same route is forbidden: the ID token carries no scope at all.
  const forbidden = await fetch(url, { headers: { authorization: `Bearer ${AuthenticationResult!.IdToken}` } });
  assert.is(forbidden.status, 403);
});

test('PreAuthentication: a template\'s function that throws refuses the sign-in with its message', async () => {
  await assertRejects(signIn({ blocked: 'yes' }), 'UserLambdaValidationException',
    'PreAuthentication failed with error blocked by policy.');
  assert.ok((await signIn({ blocked: 'no' })).AuthenticationResult?.AccessToken);
});

test.run();
