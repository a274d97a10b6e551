// Operations on app clients, one file each, named after the operation.
export { CreateUserPoolClient } from './createUserPoolClient.js';
export { DeleteUserPoolClient } from './deleteUserPoolClient.js';
export { DescribeUserPoolClient } from './describeUserPoolClient.js';
export { ListUserPoolClients } from './listUserPoolClients.js';
export { UpdateUserPoolClient } from './updateUserPoolClient.js';
