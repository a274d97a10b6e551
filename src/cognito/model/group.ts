import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type GroupRecord = Omit<GroupType, 'CreationDate' | 'LastModifiedDate'> & {
  UserPoolId: string;
  GroupName: string;
  CreationDate: number;
  LastModifiedDate: number;
};

// Cached: groups are few per pool and read on every group operation and sign-in (the token's cognito:groups).
export const groups: TableSpec<GroupRecord> = { name: 'groups', key: (g) => [g.UserPoolId, g.GroupName], cache: true };

export function groupToApi(group: GroupRecord): GroupType {
  return { ...group, CreationDate: new Date(group.CreationDate), LastModifiedDate: new Date(group.LastModifiedDate) };
}

/** A user in a group: listed by group (primary key) and by user (`byUser`), both ordered. */
export interface MembershipRecord {
  UserPoolId: string;
  GroupName: string;
  /** The user's primary-key username (see user.ts `usernameKey`). */
  UserKey: string;
}

export const memberships: TableSpec<MembershipRecord> = {
  name: 'memberships',
  key: (m) => [m.UserPoolId, m.GroupName, m.UserKey],
  indexes: { byUser: (m) => [[m.UserPoolId, m.UserKey, m.GroupName]] },
};
