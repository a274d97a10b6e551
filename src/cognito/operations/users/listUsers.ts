import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { PATTERNS } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { FILTERABLE_ATTRIBUTES, userToApi, users } from '../../model/user.js';
import { fromToken, pageSize, toToken } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';
import { checkAttributeNames } from './checks.js';

/**
 * Users in username order, or those a filter matches through the `byAttribute` index: a page costs O(Limit)
 * whatever the pool's size. Limit is 0..60 and defaults to 60 (ListUsers reference); 0 reads as the default.
 */
export const ListUsers =
  ({ store }: Pick<Deps, 'store'>): Operation<ListUsersRequest, ListUsersResponse> =>
  async (_ctx, { UserPoolId, AttributesToGet, Limit, PaginationToken, Filter }) => {
    checkAttributeNames('attributesToGet', AttributesToGet, checkUserPoolId(UserPoolId!))
      .range('limit', Limit, 0, 60)
      .length('paginationToken', PaginationToken, 1)
      .pattern('paginationToken', PaginationToken, PATTERNS.paginationKey)
      .length('filter', Filter, 0, 256)
      .throwIfAny();
    const filter = parseFilter(Filter);
    const pool = await requirePool(store, UserPoolId!);
    const table = store.table(users);
    const options = { limit: pageSize(Limit), after: fromToken(PaginationToken) };
    const page = !filter
      ? await table.list([pool.Id], options)
      : filter.prefix
        ? await table.findBy('byAttribute', [pool.Id, filter.attribute], { ...options, partial: filter.value })
        : await table.findBy('byAttribute', [pool.Id, filter.attribute, filter.value], options);
    return {
      Users: page.items.map((user) => userToApi(user, AttributesToGet)),
      ...(page.next ? { PaginationToken: toToken(page.next) } : {}),
    };
  };

// The Filter (ListUsers reference): `AttributeName Filter-Type "AttributeValue"`, Filter-Type `=` (exact) or `^=`
// (starts with), quotation marks inside the value escaped with a backslash. Messages as AWS answers them (moto's
// tests, written against AWS, and cognito-local agree on both).
const FILTER = /^([^\s=^"]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"$/s;

/** The filter, or undefined for an empty one (which lists every user). */
function parseFilter(filter: string | undefined) {
  const text = filter?.trim();
  if (!text) return undefined;
  const match = FILTER.exec(text);
  if (!match) throw new InvalidParameterException('Error while parsing filter');
  const [, name, operator, quoted] = match as unknown as [string, string, string, string];
  const attribute = FILTERABLE_ATTRIBUTES.find((a) => a === name);
  if (!attribute) throw new InvalidParameterException(`Invalid search attribute: ${name}`);
  const value = quoted.replace(/\\(.)/gs, '$1');
  // cognito:user_status matches without regard to case; statuses are stored in capitals.
  return { attribute, prefix: operator === '^=', value: attribute === 'cognito:user_status' ? value.toUpperCase() : value };
}
