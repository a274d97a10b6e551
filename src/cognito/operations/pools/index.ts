// Operations on user pools, one file each, named after the operation.
export { AddCustomAttributes } from './addCustomAttributes.js';
export { CreateUserPool } from './createUserPool.js';
export { DeleteUserPool } from './deleteUserPool.js';
export { DescribeUserPool } from './describeUserPool.js';
export { ListUserPools } from './listUserPools.js';
export { UpdateUserPool } from './updateUserPool.js';
