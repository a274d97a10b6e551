import { randomInt } from 'node:crypto';
import type { BucketProperties } from 'cloudform-types/types/s3/bucket.js';
import { S3Error } from '../../../s3/index.js';
import type { ProviderContext, Provisioned, ResourceProvider, Resolved } from '../provider.js';

// AWS::S3::Bucket: a real bucket in the local S3. Ref is the bucket name; Fn::GetAtt gives Arn, DomainName,
// RegionalDomainName, DualStackDomainName and WebsiteURL in the forms the CloudFormation docs' "Return values" show.
// BucketName requires replacement ("Update requires: Replacement"); the other properties (policy-like configuration
// cogniform does not enforce) update in place with nothing to do.

type Props = Resolved<BucketProperties>;

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MAX_NAME = 63;
const SUFFIX = 12;

/**
 * CloudFormation's name for an unnamed bucket: `<stack>-<logicalid>-<12 random>` in lower case (bucket names
 * allow nothing else), the stack and logical id shortened so the whole stays within S3's 63 characters, as in
 * deployment buckets it names (`app-local-serverlessdeploymentbucket-1a2b3c4d5e6f`).
 */
export function generatedBucketName(stackName: string, logicalId: string): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX; i++) suffix += LOWER_ALPHANUMERIC[randomInt(LOWER_ALPHANUMERIC.length)];
  const room = MAX_NAME - SUFFIX - 2;
  // Both whole when they fit; otherwise the logical id keeps at least half the room and the stack name the rest.
  const logical = logicalId.toLowerCase().slice(0, Math.max(room - stackName.length, Math.floor(room / 2)));
  const stack = stackName.toLowerCase().slice(0, room - logical.length);
  return `${stack}-${logical}-${suffix}`;
}

/** The regions whose website endpoints use `s3-website-<region>` rather than `s3-website.<region>` (S3 "Website endpoints"). */
const DASHED_WEBSITE_REGIONS = new Set(['us-east-1', 'us-west-1', 'us-west-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'eu-west-1', 'sa-east-1', 'us-gov-west-1']);

function provisioned(ctx: ProviderContext, name: string): Provisioned {
  const website = DASHED_WEBSITE_REGIONS.has(ctx.region) ? `s3-website-${ctx.region}` : `s3-website.${ctx.region}`;
  return {
    physicalId: name,
    attributes: {
      Arn: `arn:aws:s3:::${name}`,
      DomainName: `${name}.s3.amazonaws.com`,
      RegionalDomainName: `${name}.s3.${ctx.region}.amazonaws.com`,
      DualStackDomainName: `${name}.s3.dualstack.${ctx.region}.amazonaws.com`,
      WebsiteURL: `http://${name}.${website}.amazonaws.com`,
    },
  };
}

export const bucket: ResourceProvider<Props> = {
  type: 'AWS::S3::Bucket',

  replaces: (previous, next) => previous.BucketName !== next.BucketName,

  async create(ctx, logicalId, props) {
    const name = props.BucketName ?? generatedBucketName(ctx.stackName, logicalId);
    await ctx.s3.createBucket(name, ctx.region);
    return provisioned(ctx, name);
  },

  update: async (ctx, current) => provisioned(ctx, current.physicalId),

  // A bucket already gone is deleted; one with objects fails as S3 fails it (serverless empties its bucket first).
  async delete(ctx, current) {
    try {
      await ctx.s3.deleteBucket(current.physicalId);
    } catch (error) {
      if (!(error instanceof S3Error && error.code === 'NoSuchBucket')) throw error;
    }
  },
};
