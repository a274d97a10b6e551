import { JsonServiceError } from '../server/edge.js';

// SSM's errors, worded as AWS words them. Model constraint violations are ValidationException with the Coral
// wording "1 validation error detected: Value ... at '<member>' failed to satisfy constraint: ..." (members in
// lower camel case); the other messages are as AWS answers them (collected by moto's and LocalStack's SSM tests).

export const validation = (message: string) => new JsonServiceError('ValidationException', message);

export function constraint(member: string, value: unknown, rule: string): JsonServiceError {
  const shown = value === null || value === undefined ? 'null' : `'${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}'`;
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return validation(`1 validation error detected: Value ${shown} at '${name}' failed to satisfy constraint: ${rule}`);
}

/** AWS sends ParameterNotFound without a message (botocore prints "...GetParameter operation: " and stops). */
export const parameterNotFound = () => new JsonServiceError('ParameterNotFound', '');

export const parameterAlreadyExists = () =>
  new JsonServiceError(
    'ParameterAlreadyExists',
    'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
  );

export const serialization = (member: string, type: string) =>
  new JsonServiceError('SerializationException', `Expected a ${type} at '${member}'`);
