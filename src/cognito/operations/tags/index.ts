// Tagging of user pools (by ARN), one file each, named after the operation.
export { ListTagsForResource } from './listTagsForResource.js';
export { TagResource } from './tagResource.js';
export { UntagResource } from './untagResource.js';
