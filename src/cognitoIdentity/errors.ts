import { JsonServiceError } from '../server/edge.js';

// The identity-pools service's errors, worded as AWS words them. Sources: AWS's own SDK smoke test
// (aws-sdk-go awstesting cognitoidentity.feature: "IdentityPool '<id>' not found"), and messages users quote
// from the service: amazon-cognito-identity-js#40/#91/#68/#7, aws-sdk-js#3408, aws-sdk-android#1431, botocore#329,
// and StackOverflow 30425942 (InvalidIdentityPoolConfigurationException).

const error = (type: string) => (message: string) => new JsonServiceError(type, message);

export const notAuthorized = error('NotAuthorizedException');
export const invalidParameter = error('InvalidParameterException');
export const resourceConflict = error('ResourceConflictException');

export const poolNotFound = (id: string) => new JsonServiceError('ResourceNotFoundException', `IdentityPool '${id}' not found.`);
export const identityNotFound = (id: string) => new JsonServiceError('ResourceNotFoundException', `Identity '${id}' not found.`);

export const unauthenticatedNotSupported = () => notAuthorized('Unauthenticated access is not supported for this identity pool.');
/** An authenticated identity asked for without a login (or with logins of someone else). */
export const accessForbidden = (identityId: string) => notAuthorized(`Access to Identity '${identityId}' is forbidden.`);
export const loginsDoNotMatch = () =>
  notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");

/** The pool has no role for the caller (no authenticated or unauthenticated role, or a mapping that denies). */
export const noRole = () =>
  new JsonServiceError(
    'InvalidIdentityPoolConfigurationException',
    'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
  );

// A login token that does not check out.
export const invalidLogin = (reason: string) => notAuthorized(`Invalid login token. ${reason}`);
export const unsupportedProvider = () => notAuthorized('Token is not from a supported provider of this identity pool.');
