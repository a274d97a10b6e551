import type { CreateGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../../../store/store.js';
import { Constraints, PATTERNS } from '../../constraints.js';
import { ResourceNotFoundException } from '../../errors.js';
import { groups, type GroupRecord } from '../../model/group.js';
import { checkPaging } from '../../pagination.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What the group operations share: their members' constraints (AWS API reference, CreateGroup / UpdateGroup /
// ListGroups ...) and the group lookup with AWS's not-found message.

/** The pool id and group name every group operation carries. */
export function checkGroupKey(userPoolId: string, groupName: string): Constraints {
  return checkUserPoolId(userPoolId)
    .length('groupName', groupName, 1, 128)
    .pattern('groupName', groupName, PATTERNS.groupName);
}

/** The settings CreateGroup and UpdateGroup accept. Precedence's maximum is 2^31-1 (CreateGroup reference). */
export function checkGroupSettings(request: Partial<CreateGroupRequest>, c: Constraints): Constraints {
  return c
    .length('description', request.Description, 0, 2048)
    .range('precedence', request.Precedence, 0, 2 ** 31 - 1)
    .length('roleArn', request.RoleArn, 20, 2048)
    .pattern('roleArn', request.RoleArn, PATTERNS.arn);
}

/** ListGroups, ListUsersInGroup and AdminListGroupsForUser take `Limit` 0..60 (QueryLimitType) and a NextToken. */
export function checkPage(limit: number | undefined, nextToken: string | undefined, c: Constraints): Constraints {
  return checkPaging(c, { name: 'limit', value: limit, min: 0, max: 60 }, { name: 'nextToken', value: nextToken })
    .length('nextToken', nextToken, 1, 131072);
}

export async function requireGroup(store: Store, userPoolId: string, groupName: string): Promise<GroupRecord> {
  const group = await store.table(groups).get([userPoolId, groupName]);
  // Message as real Cognito answers (seen in aws-amplify/amplify-cli#2214's CloudWatch log).
  if (!group) throw new ResourceNotFoundException('Group not found.');
  return group;
}
