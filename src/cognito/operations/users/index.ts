// Admin operations on users, one file each, named after the operation.
export { AdminCreateUser } from './adminCreateUser.js';
export { AdminDeleteUser } from './adminDeleteUser.js';
export { AdminDeleteUserAttributes } from './adminDeleteUserAttributes.js';
export { AdminDisableUser } from './adminDisableUser.js';
export { AdminEnableUser } from './adminEnableUser.js';
export { AdminGetUser } from './adminGetUser.js';
export { AdminUpdateUserAttributes } from './adminUpdateUserAttributes.js';
export { ListUsers } from './listUsers.js';
