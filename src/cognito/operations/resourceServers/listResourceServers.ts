import type {
  ListResourceServersRequest,
  ListResourceServersResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { requirePool } from '../../lookup.js';
import { resourceServerToApi, resourceServers } from '../../model/resourceServer.js';
import { checkPaging, listPage, nextToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

/** MaxResults is 1..50 (ListResourceServersLimitType) and optional; without it a page is the maximum, 50. */
const MAX_RESULTS = 50;

/** Servers in identifier order (the store's key order); a page costs O(MaxResults). */
export const ListResourceServers =
  ({ store }: Pick<Deps, 'store'>): Operation<ListResourceServersRequest, ListResourceServersResponse> =>
  async (_ctx, { UserPoolId, MaxResults, NextToken }) => {
    checkPaging(
      checkUserPoolId(UserPoolId!),
      { name: 'maxResults', value: MaxResults, min: 1, max: MAX_RESULTS },
      { name: 'nextToken', value: NextToken },
    ).throwIfAny();
    await requirePool(store, UserPoolId!);
    const page = await listPage(store.table(resourceServers), [UserPoolId!], MaxResults ?? MAX_RESULTS, NextToken);
    return { ResourceServers: page.items.map(resourceServerToApi), ...nextToken(page) };
  };
