import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminSetUserPasswordCommand, CreateGroupCommand,
  CreateUserPoolClientCommand, InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { GatewayDeps, GatewayRequest, PoolKeys } from '../../../src/gateway/routes.js';
import type { StackRecord, StackResource } from '../../../src/iac/stacks/stackRecord.js';
import { handlerFunctions, type Handler } from '../../../src/lambda/functions.js';
import type { TestEmulator } from '../../helpers/emulator.js';
import { createPool } from '../../helpers/fixtures.js';

// What the HTTP API gateway tests share: real pools and tokens from a test emulator, the gateway's deps around
// them, stacks written as the reconciler records them, and requests as src/server hands them over.

export const REGION = 'us-east-1';
export const ACCOUNT = '000000000000';
export const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const awsIssuer = (poolId: string) => `https://cognito-idp.${REGION}.amazonaws.com/${poolId}`;

/** The pool's keys and issuers as the emulator serves them (both issuer forms, as DESIGN.md §3 says). */
export function poolKeys(emulator: TestEmulator): PoolKeys {
  return {
    jwks: (poolId) => emulator.tokens.jwks(poolId),
    issuers: (poolId) => [...new Set([emulator.tokens.issuer(poolId), `http://localhost:${emulator.port}/${poolId}`, awsIssuer(poolId)])],
  };
}

export interface TestDeps extends GatewayDeps {
  errors: string[];
}

export function gatewayDeps(emulator: TestEmulator, handlers: Record<string, Handler>, now?: () => Date): TestDeps {
  const errors: string[] = [];
  return {
    functions: handlerFunctions(handlers),
    pools: poolKeys(emulator),
    credentials: emulator.identityCredentials,
    clock: { now: now ?? (() => new Date()) },
    log: { info: () => {}, error: (message) => errors.push(message) },
    region: REGION,
    accountId: ACCOUNT,
    errors,
  };
}

export interface SignedIn {
  poolId: string;
  clientId: string;
  idToken: string;
  accessToken: string;
}

/** A pool with a client, and a user in `groups` signed in with USER_PASSWORD_AUTH. */
export async function signedInUser(emulator: TestEmulator, groups: string[] = []): Promise<SignedIn> {
  const poolId = await createPool(emulator);
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  return signIn(emulator, poolId, UserPoolClient!.ClientId!, groups);
}

/** A new user `alice` of the pool, in `groups`, signed in through `clientId` (which allows USER_PASSWORD_AUTH). */
export async function signIn(emulator: TestEmulator, poolId: string, clientId: string, groups: string[] = []): Promise<SignedIn> {
  const Username = 'alice';
  await emulator.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username, UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'true' }],
  }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: 'Passw0rd!x', Permanent: true }));
  for (const GroupName of groups) {
    await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
    await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }));
  }
  const { AuthenticationResult } = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: 'Passw0rd!x' },
  }));
  return { poolId, clientId, idToken: AuthenticationResult!.IdToken!, accessToken: AuthenticationResult!.AccessToken! };
}

/** The payload of a JWT, decoded without checking it. */
export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

export interface RouteSpec {
  key: string;
  fn?: string;
  payload?: '1.0' | '2.0';
  auth?: 'NONE' | 'JWT' | 'CUSTOM' | 'AWS_IAM';
  authorizer?: string;
  scopes?: string[];
}

export interface ApiSpec {
  apiId: string;
  stages?: string[];
  cors?: Record<string, unknown>;
  /** Authorizer id → its resolved properties (ApiId is filled in). */
  authorizers?: Record<string, Record<string, unknown>>;
  routes: RouteSpec[];
  /** Write the integration URI in the apigateway invocation form rather than as the bare function ARN. */
  invocationUri?: boolean;
}

/** A stack as the reconciler records an HTTP API written by hand in CloudFormation. */
export function httpStack(spec: ApiSpec): StackRecord {
  const resources: Record<string, StackResource> = {};
  const add = (logicalId: string, Type: string, PhysicalId: string, Properties: Record<string, unknown>) => {
    resources[logicalId] = { Type, PhysicalId, Attributes: {}, Properties, DependsOn: [] };
  };
  add('Api', 'AWS::ApiGatewayV2::Api', spec.apiId, { Name: 'api', ProtocolType: 'HTTP', ...(spec.cors ? { CorsConfiguration: spec.cors } : {}) });
  for (const stage of spec.stages ?? ['$default']) add(`Stage${stage}`, 'AWS::ApiGatewayV2::Stage', stage, { ApiId: spec.apiId, StageName: stage, AutoDeploy: true });
  for (const [id, props] of Object.entries(spec.authorizers ?? {})) add(`Authorizer${id}`, 'AWS::ApiGatewayV2::Authorizer', id, { ApiId: spec.apiId, ...props });
  for (const [i, route] of spec.routes.entries()) {
    const integrationId = `int${i}`;
    if (route.fn) {
      const arn = fnArn(route.fn);
      add(`Integration${i}`, 'AWS::ApiGatewayV2::Integration', integrationId, {
        ApiId: spec.apiId, IntegrationType: 'AWS_PROXY', PayloadFormatVersion: route.payload ?? '2.0',
        IntegrationUri: spec.invocationUri ? `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${arn}/invocations` : arn,
      });
    }
    add(`Route${i}`, 'AWS::ApiGatewayV2::Route', `route${i}`, {
      ApiId: spec.apiId, RouteKey: route.key, ...(route.fn ? { Target: `integrations/${integrationId}` } : {}),
      AuthorizationType: route.auth ?? 'NONE',
      ...(route.authorizer ? { AuthorizerId: route.authorizer } : {}),
      ...(route.scopes ? { AuthorizationScopes: route.scopes } : {}),
    });
  }
  return {
    Name: 'app', StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/app/1`, Source: 'app.yaml', Region: REGION,
    Status: 'CREATE_COMPLETE', Resources: resources, Outputs: {}, Exports: {},
  };
}

/** A request as src/server hands it to the gateway. */
export function request(apiId: string, method: string, path: string, given: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    apiId, stage: '$default', method, path, rawQuery: '', body: Buffer.alloc(0), sourceIp: '127.0.0.1', receivedAt: Date.now(),
    ...given,
    headers: { host: `${apiId}.execute-api.localhost:4566`, 'user-agent': 'test-agent', ...given.headers },
  };
}

/** The JSON body of a response. */
export function json(response: { body: Buffer | string }): any {
  return JSON.parse(response.body.toString());
}
