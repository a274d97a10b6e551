// Operations on user pool groups and their members, one file each, named after the operation.
export { AdminAddUserToGroup } from './adminAddUserToGroup.js';
export { AdminListGroupsForUser } from './adminListGroupsForUser.js';
export { AdminRemoveUserFromGroup } from './adminRemoveUserFromGroup.js';
export { CreateGroup } from './createGroup.js';
export { DeleteGroup } from './deleteGroup.js';
export { GetGroup } from './getGroup.js';
export { ListGroups } from './listGroups.js';
export { ListUsersInGroup } from './listUsersInGroup.js';
export { UpdateGroup } from './updateGroup.js';
