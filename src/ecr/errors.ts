import { JsonServiceError } from '../server/edge.js';

// ECR reports a request that breaks its model's constraints as InvalidParameterException, worded
// "Invalid parameter at '<member>' failed to satisfy constraint: '<constraint>'" (as recalled from the AWS CLI's
// output for an upper-case repository name; the wording of each constraint is ours, not checked against AWS).
export function invalidParameter(member: string, constraint: string): JsonServiceError {
  return new JsonServiceError('InvalidParameterException', `Invalid parameter at '${member}' failed to satisfy constraint: '${constraint}'`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
