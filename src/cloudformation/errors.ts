import { QueryError } from '../server/query.js';

// CloudFormation's errors as its API answers them (codes and HTTP statuses from the SDK model's awsQueryError
// traits, @aws-sdk/client-cloudformation schemas; messages as AWS words them).

export const validationError = (message: string) => new QueryError('ValidationError', message);

/** DescribeStacks and most stack operations: "Stack with id X does not exist" (observed, reference §5.1 row 2). */
export const stackNotFound = (nameOrId: string) => validationError(`Stack with id ${nameOrId} does not exist`);

export const changeSetNotFound = (name: string) => new QueryError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);

export const alreadyExists = (message: string) => new QueryError('AlreadyExistsException', message);

/** UpdateStack / CreateChangeSet(UPDATE) on a stack that is busy or can only be deleted. */
export const cannotUpdate = (stackId: string, status: string) =>
  validationError(`Stack:${stackId} is in ${status} state and can not be updated.`);

/** A required parameter of the call missing: the SDK model's constraint message. */
export function required(params: Record<string, string>, name: string, field: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw validationError(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;

/** Stack and change set names: a letter, then letters, digits and hyphens, 128 at most (CreateStack reference). */
export function checkName(value: string, field: 'stackName' | 'changeSetName'): string {
  if (!NAME.test(value) || value.length > 128) {
    throw validationError(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: `
      + `Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
  return value;
}
