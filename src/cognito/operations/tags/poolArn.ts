import type { Store } from '../../../store/store.js';
import { Constraints, PATTERNS } from '../../constraints.js';
import { InvalidParameterException, ResourceNotFoundException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import type { UserPoolRecord } from '../../model/userPool.js';

// Tags belong to user pools, named by ARN (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`); they live in
// the pool record's UserPoolTags, so DescribeUserPool shows them. Limits: TagResource reference ("A user pool can
// have as many as 50 tags"), TagKeysType 1..128 and TagValueType 0..256 (botocore service-2.json).

export const MAX_TAGS = 50;

const USER_POOL_ARN = /^arn:[\w-]+:cognito-idp:[\w-]+:\d+:userpool\/(.+)$/;

/** ArnType: 20..2048 characters of the generic ARN pattern. */
export function checkResourceArn(arn: string): Constraints {
  return new Constraints().length('resourceArn', arn, 20, 2048).pattern('resourceArn', arn, PATTERNS.arn);
}

export function checkTagKeys(path: string, keys: string[], c: Constraints): Constraints {
  keys.forEach((key) => c.length(path, key, 1, 128));
  return c;
}

/** The pool an ARN names. Call it inside `store.transact(poolIdOf(arn), ...)` when writing. */
export async function requireTaggedPool(store: Store, arn: string): Promise<UserPoolRecord> {
  // A well-formed ARN of anything but a user pool is refused as a bad parameter; AWS documents no wording.
  const poolId = poolIdOf(arn);
  const pool = await requirePool(store, poolId);
  // The pool id alone is not enough: the ARN's region and account must be the pool's own.
  if (pool.Arn !== arn) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return pool;
}

export function poolIdOf(arn: string): string {
  const match = USER_POOL_ARN.exec(arn);
  if (!match) throw new InvalidParameterException(`${arn} is not the ARN of a user pool.`);
  return match[1]!;
}
