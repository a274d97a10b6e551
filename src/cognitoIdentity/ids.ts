import type { CognitoIdentityDeps } from './deps.js';

/**
 * A pool's or an identity's id: `<region>:<uuid>` (API reference, IdentityPoolId and IdentityId: pattern
 * `[\w-]+:[0-9a-f-]+`, length 1-55; AWS's are a region and a lowercase UUID).
 */
export const regionalId = ({ ids }: Pick<CognitoIdentityDeps, 'ids'>, region: string) => `${region}:${ids.uuid()}`;

const REGIONAL_ID = /^[\w-]+:[0-9a-f-]+$/;
const MAX_LENGTH = 55;

/** Whether `id` has the shape the model gives pool and identity ids (in `region`, when given). */
export const isRegionalId = (id: string, region?: string) =>
  id.length <= MAX_LENGTH && REGIONAL_ID.test(id) && (region === undefined || id.startsWith(`${region}:`));
