// Operations on user-pool domains, one file each, named after the operation.
export { CreateUserPoolDomain } from './createUserPoolDomain.js';
export { DeleteUserPoolDomain } from './deleteUserPoolDomain.js';
export { DescribeUserPoolDomain } from './describeUserPoolDomain.js';
export { UpdateUserPoolDomain } from './updateUserPoolDomain.js';
