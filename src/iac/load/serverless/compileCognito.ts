// `cognitoUserPool` events → `CognitoUserPool<Pool>` (an AWS::Cognito::UserPool named after the pool, its
// LambdaConfig wiring each trigger) and `<Fn>LambdaPermissionCognitoUserPool<Pool>TriggerSource<Trigger>`. A user's
// `resources.Resources.CognitoUserPool<Pool>` is later deep-merged over the generated pool (the framework's general
// resources merge), which is how a pool gets both its settings and the triggers. Source: osls 3.77.1
// lib/plugins/aws/package/compile/events/cognito-user-pool.js.
// `existing: true` events are left out: the framework wires them through a custom resource that edits a pool made
// elsewhere; cogniform does not emulate it.
import { asList, asObject, functionArn, type Compilation, type Config } from './compilation.js';
import { naming } from './naming.js';

const CUSTOM_SENDERS = ['CustomSMSSender', 'CustomEmailSender'];
const TRIGGERS = [
  'PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'PreTokenGeneration', 'CustomMessage',
  'DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse', 'UserMigration', ...CUSTOM_SENDERS,
];

export function compileCognitoUserPools(c: Compilation): void {
  const pools = new Map<string, { lambdaConfig: Config; dependsOn: string[]; at: (string | number)[] }>();
  for (const fn of c.functions) {
    for (const [i, event] of asList(fn.config.events).entries()) {
      const given = asObject(event).cognitoUserPool;
      if (given === undefined) continue;
      const at = ['functions', fn.key, 'events', i, 'cognitoUserPool'];
      const config = asObject(given);
      if (config.existing) continue;
      const pool = config.pool;
      const trigger = config.trigger;
      if (typeof pool !== 'string' || !pool) throw c.error(at, 'needs the pool name (`pool:`)');
      if (typeof trigger !== 'string' || !TRIGGERS.includes(trigger)) throw c.error(at, `trigger must be one of ${TRIGGERS.join(', ')}`);

      const entry = pools.get(pool) ?? { lambdaConfig: {}, dependsOn: [], at };
      pools.set(pool, entry);
      const arn = functionArn(fn);
      if (CUSTOM_SENDERS.includes(trigger)) {
        entry.lambdaConfig[trigger] = { LambdaArn: arn, LambdaVersion: config.lambdaVersion ?? 'V1_0' };
        if (config.kmsKeyId !== undefined) entry.lambdaConfig.KMSKeyID = config.kmsKeyId;
      } else if (trigger === 'PreTokenGeneration' && config.lambdaVersion) {
        entry.lambdaConfig.PreTokenGenerationConfig = { LambdaArn: arn, LambdaVersion: config.lambdaVersion };
      } else {
        entry.lambdaConfig[trigger] = arn;
      }
      entry.dependsOn.push(fn.logicalId);

      const poolId = naming.userPool(pool);
      c.addResource(naming.userPoolPermission(fn.key, pool, trigger), {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: arn,
          Action: 'lambda:InvokeFunction',
          Principal: 'cognito-idp.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
        },
      }, at);
    }
  }
  for (const [pool, { lambdaConfig, dependsOn, at }] of pools) {
    c.addResource(naming.userPool(pool), {
      Type: 'AWS::Cognito::UserPool',
      Properties: { UserPoolName: pool, LambdaConfig: lambdaConfig },
      DependsOn: dependsOn,
    }, at);
  }
}
