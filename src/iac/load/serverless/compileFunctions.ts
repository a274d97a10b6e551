// `functions:` → `<Fn>LambdaFunction`, `<Fn>LogGroup` and the shared `IamRoleLambdaExecution`, as the framework's
// package/compile/functions.js and package/lib/merge-iam-templates.js do (read in osls 3.77.1).
// Left out on purpose: `<Fn>LambdaVersion<hash>` and its `QualifiedArn` output (named after the code's hash, which
// only exists once the code is zipped), layers, images, VPC, aliases.
import path from 'node:path';
import { asObject, type Compilation, type Config, type ServerlessFunction } from './compilation.js';
import { naming } from './naming.js';

// The framework's default runtime when neither the function nor the provider names one (osls 3.77.1
// lib/plugins/aws/provider.js getRuntime()).
const DEFAULT_RUNTIME = 'nodejs24.x';

// The marker serverless-localstack writes for `lambda.mountCode: true` (see shared/reference/serverless-deploy.md):
// the code is the service folder on this machine, not a zip in S3. cogniform runs code from the folder, and a code
// location that changed on every load (as the framework's timestamped S3Key does) would update every function on
// every save.
const MOUNTED_CODE_BUCKET = 'hot-reload';

export function compileFunctions(c: Compilation, serviceFile: string): void {
  const functions = asObject(c.config.functions);
  const provider = c.provider;
  const providerRole = customRole(provider);
  let needsDefaultRole = false;
  for (const [key, value] of Object.entries(functions)) {
    const at = ['functions', key];
    if (typeof value !== 'object' || value === null) throw c.error(at, 'a function must be an object with a handler');
    const config = value as Config;
    if (typeof config.handler !== 'string') {
      throw c.error(at, 'has no handler (cogniform runs `handler:` functions, not container images)');
    }
    const fn: ServerlessFunction = {
      key,
      name: typeof config.name === 'string' ? config.name : `${c.service}-${c.stage}-${key}`,
      handler: config.handler,
      runtime: String(config.runtime ?? provider.runtime ?? DEFAULT_RUNTIME),
      environment: { ...asObject(provider.environment), ...asObject(config.environment) },
      logicalId: naming.lambda(key),
      config,
    };
    c.functions.push(fn);

    c.addResource(naming.logGroup(key), {
      Type: 'AWS::Logs::LogGroup',
      Properties: {
        LogGroupName: `/aws/lambda/${fn.name}`,
        ...retention(config.logRetentionInDays ?? provider.logRetentionInDays),
      },
    }, at);

    const role = config.role ?? providerRole;
    if (role === undefined) needsDefaultRole = true;
    const properties: Record<string, unknown> = {
      Code: { S3Bucket: MOUNTED_CODE_BUCKET, S3Key: path.resolve(path.dirname(serviceFile)) },
      Handler: fn.handler,
      Runtime: fn.runtime,
      FunctionName: fn.name,
      MemorySize: Number(config.memorySize ?? provider.memorySize ?? 1024),
      Timeout: Number(config.timeout ?? provider.timeout ?? 6),
      ...(config.description === undefined ? {} : { Description: config.description }),
      // Set when either level declares `environment`, even empty (functions.js).
      ...(config.environment === undefined && provider.environment === undefined ? {} : { Environment: { Variables: fn.environment } }),
      Role: roleArn(role ?? naming.role),
    };
    c.addResource(fn.logicalId, {
      Type: 'AWS::Lambda::Function',
      Properties: properties,
      DependsOn: [naming.logGroup(key), ...roleDependency(role)],
    }, at);
  }
  if (needsDefaultRole) compileDefaultRole(c);
}

/** The role set with `provider.iam.role` (a name or ARN, not the object that tunes the default role) or `provider.role`. */
function customRole(provider: Config): unknown {
  const role = asObject(provider.iam).role;
  if (typeof role === 'string' || (typeof role === 'object' && role !== null && Object.keys(role).some((k) => k.startsWith('Fn::')))) {
    return role;
  }
  return provider.role;
}

/** An ARN as it is; a logical ID or the default role → GetAtt Arn; an intrinsic as it is (functions.js compileRole). */
function roleArn(role: unknown): unknown {
  if (typeof role === 'string') return role.startsWith('arn:') ? role : { 'Fn::GetAtt': [role, 'Arn'] };
  return role;
}

function roleDependency(role: unknown): string[] {
  if (typeof role === 'string' && !role.startsWith('arn:')) return [role];
  const getAtt = asObject(role)['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? [getAtt[0]] : [];
}

function retention(days: unknown): Record<string, unknown> {
  return days === undefined ? {} : { RetentionInDays: Number(days) };
}

/** The default execution role: may write its own log groups, plus `provider.iam.role.statements`. */
function compileDefaultRole(c: Compilation): void {
  const roleConfig = asObject(asObject(c.provider.iam).role);
  const logGroups = `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${c.service}-${c.stage}*`;
  const statements: unknown[] = [
    { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource'], Resource: [{ 'Fn::Sub': `${logGroups}:*` }] },
    { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [{ 'Fn::Sub': `${logGroups}:*:*` }] },
    ...(Array.isArray(roleConfig.statements) ? roleConfig.statements : []),
  ];
  c.addResource(naming.role, {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
      },
      Policies: [{
        PolicyName: { 'Fn::Join': ['-', [c.service, c.stage, 'lambda']] },
        PolicyDocument: { Version: '2012-10-17', Statement: statements },
      }],
      Path: typeof roleConfig.path === 'string' ? roleConfig.path : '/',
      RoleName: typeof roleConfig.name === 'string'
        ? roleConfig.name
        : { 'Fn::Join': ['-', [c.service, c.stage, { Ref: 'AWS::Region' }, 'lambdaRole']] },
    },
  }, ['provider']);
}
