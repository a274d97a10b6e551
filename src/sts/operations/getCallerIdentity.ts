import type { GetCallerIdentityResponse } from '@aws-sdk/client-sts';

// For root credentials AWS answers the account id as UserId and `arn:<partition>:iam::<account>:root` as Arn
// (STS API reference, GetCallerIdentity, "Example: root user"). cogniform accepts any key as the account's own,
// so every caller is the root. The serverless CLI reads the partition from this Arn, so it follows the region.
export function GetCallerIdentity(accountId: string) {
  return (region: string): GetCallerIdentityResponse => ({
    UserId: accountId,
    Account: accountId,
    Arn: `arn:${partition(region)}:iam::${accountId}:root`,
  });
}

/** The partition a region belongs to (AWS General Reference, "ARN format": aws, aws-cn, aws-us-gov). */
export function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
