import { randomInt } from 'node:crypto';
import type { ResourceProvider } from './provider.js';

// Types cogniform does not emulate (IAM, Logs, S3 bucket policies, Lambda permissions, ...): accepted so the
// template applies, given a physical ID and nothing else. The reconciler prints one notice.

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** CloudFormation's generated physical name: `<stack>-<logicalId>-<13 random upper-case alphanumerics>`. */
function generatedPhysicalName(stackName: string, logicalId: string): string {
  let suffix = '';
  for (let i = 0; i < 13; i++) suffix += UPPER_ALPHANUMERIC[randomInt(UPPER_ALPHANUMERIC.length)];
  return `${stackName}-${logicalId}-${suffix}`;
}

interface Named {
  /** The property that names the resource; its value is then the physical ID (and the Ref). */
  nameProperty: string;
  arn(region: string, accountId: string, name: string): string;
  lowerCase?: boolean;
}

/**
 * The common types whose Ref is their name and whose Fn::GetAtt Arn templates read, with the ARN each service
 * builds from the name. Other types get a generated ID and no attributes.
 */
const NAMED: Record<string, Named> = {
  'AWS::IAM::Role': { nameProperty: 'RoleName', arn: (_r, account, name) => `arn:aws:iam::${account}:role/${name}` },
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    arn: (region, account, name) => `arn:aws:logs:${region}:${account}:log-group:${name}:*`,
  },
  'AWS::DynamoDB::Table': {
    nameProperty: 'TableName',
    arn: (region, account, name) => `arn:aws:dynamodb:${region}:${account}:table/${name}`,
  },
  // Bucket names are lower case, generated ones too.
  'AWS::S3::Bucket': { nameProperty: 'BucketName', arn: (_r, _a, name) => `arn:aws:s3:::${name}`, lowerCase: true },
};

/**
 * The provider for a type that is only recorded. A new name is a new resource (each of these name properties says
 * "Update requires: Replacement" in the CloudFormation docs); any other change is in place, with nothing to do.
 */
export function acceptedProvider(type: string): ResourceProvider {
  const named = NAMED[type];
  return {
    type,
    replaces: (previous, next) => named !== undefined && previous[named.nameProperty] !== next[named.nameProperty],
    async create(ctx, logicalId, props) {
      const given = named && props[named.nameProperty];
      const generated = generatedPhysicalName(ctx.stackName, logicalId);
      const physicalId = typeof given === 'string' ? given : named?.lowerCase ? generated.toLowerCase() : generated;
      return { physicalId, attributes: named ? { Arn: named.arn(ctx.region, ctx.accountId, physicalId) } : {} };
    },
    update: async (_ctx, current) => current,
    delete: async () => {},
  };
}
