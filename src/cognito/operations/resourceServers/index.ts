// Operations on resource servers (custom OAuth scopes), one file each, named after the operation.
export { CreateResourceServer } from './createResourceServer.js';
export { DeleteResourceServer } from './deleteResourceServer.js';
export { DescribeResourceServer } from './describeResourceServer.js';
export { ListResourceServers } from './listResourceServers.js';
export { UpdateResourceServer } from './updateResourceServer.js';
