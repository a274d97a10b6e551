// Logical IDs exactly as the Serverless Framework v3 names them, so that `Ref`s users write against generated
// resources resolve (serverless v3 lib/plugins/aws/lib/naming.js, read in osls 3.77.1; the serverless/serverless
// repository holds the same module).

const upperFirst = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : '');

/** `public-ping` → `PublicDashping`, `pre_sign_up` → `PreUnderscoresignUnderscoreup` (getNormalizedResourceName). */
export function normalizedFunctionName(key: string): string {
  return upperFirst(key.replace(/-/g, 'Dash').replace(/_/g, 'Underscore'));
}

/** Only letters and digits, first upper-cased (normalizeNameToAlphaNumericOnly). */
export function alphaNumeric(name: string): string {
  return upperFirst(name.replace(/[^0-9A-Za-z]/g, ''));
}

/** One path segment: lower-cased, `-` → `Dash`, `{id}` → `idVar`, other symbols dropped (normalizePathPart). */
function normalizePathPart(part: string): string {
  return upperFirst(
    part.toLowerCase().replace(/-/g, 'Dash').replace(/\{(.*)\}/g, '$1Var').replace(/[^0-9A-Za-z]/g, ''),
  );
}

/** `admin/{id}` → `AdminIdVar`; `GET /me` → `GetMe` (normalizePath). */
export function normalizePath(resourcePath: string): string {
  return resourcePath.split('/').map(normalizePathPart).join('');
}

export const naming = {
  lambda: (key: string) => `${normalizedFunctionName(key)}LambdaFunction`,
  logGroup: (key: string) => `${normalizedFunctionName(key)}LogGroup`,
  role: 'IamRoleLambdaExecution',
  deploymentBucket: 'ServerlessDeploymentBucket',
  deploymentBucketPolicy: 'ServerlessDeploymentBucketPolicy',
  restApi: 'ApiGatewayRestApi',
  resource: (resourcePath: string) => `ApiGatewayResource${normalizePath(resourcePath)}`,
  /** `resourceId` is the normalized path (empty for the root resource). */
  method: (resourceId: string, method: string) => `ApiGatewayMethod${resourceId}${upperFirst(method.toLowerCase())}`,
  restAuthorizer: (name: string) => `${normalizedFunctionName(name)}ApiGatewayAuthorizer`,
  restPermission: (key: string) => `${normalizedFunctionName(key)}LambdaPermissionApiGateway`,
  deployment: (id: string) => `ApiGatewayDeployment${id}`,
  httpApi: 'HttpApi',
  httpApiStage: 'HttpApiStage',
  httpApiIntegration: (key: string) => `HttpApiIntegration${normalizedFunctionName(key)}`,
  httpApiRoute: (routeKey: string) => (routeKey === '*' ? 'HttpApiRouteDefault' : `HttpApiRoute${normalizePath(routeKey)}`),
  httpApiAuthorizer: (name: string) => `HttpApiAuthorizer${normalizedFunctionName(name)}`,
  httpApiPermission: (key: string) => `${normalizedFunctionName(key)}LambdaPermissionHttpApi`,
  userPool: (pool: string) => `CognitoUserPool${alphaNumeric(pool)}`,
  userPoolPermission: (key: string, pool: string, trigger: string) =>
    `${normalizedFunctionName(key)}LambdaPermissionCognitoUserPool${alphaNumeric(pool)}TriggerSource${alphaNumeric(trigger)}`,
};
