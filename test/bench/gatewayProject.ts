import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The serverless project both gateways serve: one handler answering 200 `{"ok":true}`, behind three routes: REST
 * `/open` (no authorizer), REST `/cognito` (a COGNITO_USER_POOLS authorizer written as CloudFormation, as
 * examples/serverless-api does) and HTTP API `/jwt` (a JWT authorizer whose issuer is the pool). The pool and client
 * ids are pinned (`Metadata: cogniform: id`), so the JWT authorizer's issuer and audience can name them.
 */
export const POOL_ID = 'us-east-1_GwBench01';
export const CLIENT_ID = 'gwbench0000000000000000001';
export const STAGE = 'local';
/** What the handler answers; the load generator checks every body against it. */
export const BODY = '{"ok":true}';

const SERVERLESS_YML = `service: gwbench
frameworkVersion: '3'

provider:
  name: aws
  runtime: nodejs20.x
  region: us-east-1
  stage: ${STAGE}
  httpApi:
    authorizers:
      benchJwt:
        type: jwt
        identitySource: $request.header.Authorization
        issuerUrl: https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}
        audience:
          - ${CLIENT_ID}

plugins:
  - serverless-offline

functions:
  ok:
    handler: handler.handler
    events:
      - http:
          path: open
          method: get
      - http:
          path: cognito
          method: get
          authorizer:
            type: COGNITO_USER_POOLS
            authorizerId: !Ref BenchAuthorizer
      - httpApi:
          path: /jwt
          method: get
          authorizer:
            name: benchJwt

resources:
  Resources:
    BenchUserPool:
      Type: AWS::Cognito::UserPool
      Metadata:
        cogniform:
          id: ${POOL_ID}
      Properties:
        UserPoolName: gwbench
    BenchUserPoolClient:
      Type: AWS::Cognito::UserPoolClient
      Metadata:
        cogniform:
          id: ${CLIENT_ID}
      Properties:
        UserPoolId: !Ref BenchUserPool
        ClientName: gwbench
        ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
    BenchAuthorizer:
      Type: AWS::ApiGateway::Authorizer
      Properties:
        Name: gwbench-pool
        Type: COGNITO_USER_POOLS
        IdentitySource: method.request.header.Authorization
        RestApiId: !Ref ApiGatewayRestApi
        ProviderARNs:
          - !GetAtt BenchUserPool.Arn
`;

/**
 * Writes the project into `dir`. Its own package.json makes the handler CommonJS whatever encloses it. `plugins`
 * names serverless-offline, which the framework resolves from the project up, so `dir` must sit under the folder
 * it is installed in; cogniform reads the list and ignores it.
 */
export function writeGatewayProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'serverless.yml'), SERVERLESS_YML);
  writeFileSync(path.join(dir, 'handler.js'), `exports.handler = async () => ({ statusCode: 200, body: '${BODY}' });\n`);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'gwbench', private: true, type: 'commonjs' }, null, 2));
}
