import * as sdk from '@aws-sdk/client-cognito-identity-provider';

/** Every exception name the service defines, taken from the SDK so that a misspelt name does not compile. */
export type ExceptionName = Extract<keyof typeof sdk, `${string}Exception`>;

/** An AWS-style error: the server writes it as `{"__type": name, "message": message}` with `statusCode`. */
export class CognitoError extends Error {
  constructor(
    readonly type: ExceptionName | 'UnknownOperationException' | 'SerializationException',
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** The HTTP status the service model gives an exception (its `httpError` trait in the SDK's schema). */
function statusOf(type: ExceptionName): number {
  const schema = (sdk as unknown as Record<string, unknown>)[`${type}$`];
  const traits = Array.isArray(schema) ? (schema[3] as { httpError?: number }) : undefined;
  return traits?.httpError ?? 400;
}

function exception(type: ExceptionName) {
  const statusCode = statusOf(type);
  return class extends CognitoError {
    constructor(message: string) {
      super(type, message, statusCode);
    }
  };
}

// One class per AWS exception that cogniform raises.
export const AliasExistsException = exception('AliasExistsException');
export const CodeMismatchException = exception('CodeMismatchException');
export const ConcurrentModificationException = exception('ConcurrentModificationException');
export const DuplicateProviderException = exception('DuplicateProviderException');
export const EnableSoftwareTokenMFAException = exception('EnableSoftwareTokenMFAException');
export const ExpiredCodeException = exception('ExpiredCodeException');
export const FeatureUnavailableInTierException = exception('FeatureUnavailableInTierException');
export const GroupExistsException = exception('GroupExistsException');
export const InternalErrorException = exception('InternalErrorException');
export const InvalidParameterException = exception('InvalidParameterException');
export const InvalidPasswordException = exception('InvalidPasswordException');
export const InvalidLambdaResponseException = exception('InvalidLambdaResponseException');
export const InvalidOAuthFlowException = exception('InvalidOAuthFlowException');
export const LimitExceededException = exception('LimitExceededException');
export const NotAuthorizedException = exception('NotAuthorizedException');
export const PasswordResetRequiredException = exception('PasswordResetRequiredException');
export const RefreshTokenReuseException = exception('RefreshTokenReuseException');
export const ResourceNotFoundException = exception('ResourceNotFoundException');
export const ScopeDoesNotExistException = exception('ScopeDoesNotExistException');
export const SoftwareTokenMFANotFoundException = exception('SoftwareTokenMFANotFoundException');
export const TooManyRequestsException = exception('TooManyRequestsException');
export const UnexpectedLambdaException = exception('UnexpectedLambdaException');
export const UnsupportedIdentityProviderException = exception('UnsupportedIdentityProviderException');
export const UnsupportedOperationException = exception('UnsupportedOperationException');
export const UnsupportedTokenTypeException = exception('UnsupportedTokenTypeException');
export const UnsupportedUserStateException = exception('UnsupportedUserStateException');
export const UserLambdaValidationException = exception('UserLambdaValidationException');
export const UserNotConfirmedException = exception('UserNotConfirmedException');
export const UserNotFoundException = exception('UserNotFoundException');
export const UsernameExistsException = exception('UsernameExistsException');
export const UserPoolTaggingException = exception('UserPoolTaggingException');

/** AWS JSON protocol errors that belong to no service. */
export const unknownOperation = (target: string) =>
  new CognitoError('UnknownOperationException', `Unknown operation ${target}`);
export const serializationError = (message: string) => new CognitoError('SerializationException', message);
