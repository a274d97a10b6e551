import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The serverless project the soak runs against: a pool and client with pinned ids, a group the load moves users in
 * and out of, and a REST route behind the pool's COGNITO_USER_POOLS authorizer whose handler echoes the claims.
 * `save(n)` rewrites serverless.yml with the group's description changed, so watch mode reconciles it.
 */
export const POOL_ID = 'us-east-1_SoakPool01';
export const CLIENT_ID = 'soak00000000000000000000001';
export const GROUP = 'soakers';

const serverlessYml = (save: number) => `service: soak
frameworkVersion: '3'

provider:
  name: aws
  runtime: nodejs20.x
  region: us-east-1

functions:
  me:
    handler: handler.handler
    events:
      - http:
          path: me
          method: get
          authorizer:
            type: COGNITO_USER_POOLS
            authorizerId: !Ref SoakAuthorizer

resources:
  Resources:
    SoakUserPool:
      Type: AWS::Cognito::UserPool
      Metadata:
        cogniform:
          id: ${POOL_ID}
      Properties:
        UserPoolName: soak
        AutoVerifiedAttributes: [email]
    SoakUserPoolClient:
      Type: AWS::Cognito::UserPoolClient
      Metadata:
        cogniform:
          id: ${CLIENT_ID}
      Properties:
        UserPoolId: !Ref SoakUserPool
        ClientName: soak
        ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
    SoakGroup:
      Type: AWS::Cognito::UserPoolGroup
      Properties:
        UserPoolId: !Ref SoakUserPool
        GroupName: ${GROUP}
        Description: template save ${save}
    SoakAuthorizer:
      Type: AWS::ApiGateway::Authorizer
      Properties:
        Name: soak-pool
        Type: COGNITO_USER_POOLS
        IdentitySource: method.request.header.Authorization
        RestApiId: !Ref ApiGatewayRestApi
        ProviderARNs:
          - !GetAtt SoakUserPool.Arn
`;

const HANDLER = `exports.handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ sub: (event.requestContext.authorizer?.claims ?? {}).sub }),
});
`;

export function writeProject(dir: string): { save(n: number): void } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'handler.js'), HANDLER);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'soak', private: true, type: 'commonjs' }));
  const save = (n: number) => writeFileSync(path.join(dir, 'serverless.yml'), serverlessYml(n));
  save(0);
  return { save };
}
