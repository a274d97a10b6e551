import type { QuerySurface } from '../server/query.js';
import { GetCallerIdentity } from './operations/getCallerIdentity.js';

/**
 * STS, the one call every deploy starts with: GetCallerIdentity. Any other action gets the query protocol's
 * InvalidAction from the edge, since `actions` does not list it.
 */
export function stsSurface(deps: { accountId: string }): QuerySurface {
  const getCallerIdentity = GetCallerIdentity(deps.accountId);
  return {
    service: 'sts',
    namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    actions: new Set(['GetCallerIdentity']),
    handle: async (_action, call) => ({ ...getCallerIdentity(call.region) }),
  };
}
