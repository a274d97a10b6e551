import { createHash } from 'node:crypto';
import { amrOf, type IssuedCredentials } from '../../cognitoIdentity/credentials.js';

// Who signed an AWS_IAM request, as API Gateway tells the integration. Identity-pool credentials are an STS session
// of the pool's role named `CognitoIdentityCredentials` (AssumeRoleWithWebIdentity's RoleSessionName in the basic
// flow; `aws sts get-caller-identity` with them shows `arn:aws:sts::<account>:assumed-role/<role>/
// CognitoIdentityCredentials` and user id `AROA…:CognitoIdentityCredentials`).

const SESSION = 'CognitoIdentityCredentials';

/**
 * REST's (and HTTP API payload 1.0's) `requestContext.identity` fields for the caller, as a REST proxy event with
 * identity-pool credentials shows them: `caller` and `user` the role session's user id, `cognitoAuthenticationProvider`
 * `cognito-idp.<region>.amazonaws.com/<poolId>,cognito-idp.<region>.amazonaws.com/<poolId>:CognitoSignIn:<sub>`
 * (a REST proxy event observed with role `Ewelists-test-CognitoAuthRole`, kept as a public test fixture; AWS docs
 * "Input format of a Lambda function for proxy integration" lists the names). `principalOrgId` is null: there are no AWS Organizations locally.
 */
export function callerIdentity(caller: IssuedCredentials) {
  const session = roleSession(caller);
  const providers = caller.logins.map(({ provider, sub }) => `${provider},${provider}:CognitoSignIn:${sub}`);
  return {
    cognitoIdentityPoolId: caller.identityPoolId,
    accountId: caller.accountId,
    cognitoIdentityId: caller.identityId,
    caller: session.userId,
    principalOrgId: null,
    accessKey: caller.accessKeyId,
    cognitoAuthenticationType: caller.authenticated ? 'authenticated' : 'unauthenticated',
    cognitoAuthenticationProvider: providers.length > 0 ? providers.join(',') : null,
    userArn: session.userArn,
    user: session.userId,
  };
}

/**
 * HTTP API payload 2.0's `requestContext.authorizer.iam` (aws-lambda-go events/testdata/apigw-v2-request-iam.json
 * for the names; `amr` is the identity's authentication methods reference, as Cognito's OpenID token carries it:
 * `authenticated` and each login's provider and `<provider>:CognitoSignIn:<sub>`, or `unauthenticated`).
 */
export function iamAuthorizer(caller: IssuedCredentials) {
  const session = roleSession(caller);
  const amr = amrOf(caller.logins);
  return {
    accessKey: caller.accessKeyId,
    accountId: caller.accountId,
    callerId: session.userId,
    cognitoIdentity: { amr, identityId: caller.identityId, identityPoolId: caller.identityPoolId },
    principalOrgId: null,
    userArn: session.userArn,
    userId: session.userId,
  };
}

function roleSession(caller: IssuedCredentials): { userId: string; userArn: string } {
  const roleName = caller.roleArn.slice(caller.roleArn.lastIndexOf('/') + 1);
  return { userId: `${roleId(caller.roleArn)}:${SESSION}`, userArn: `arn:aws:sts::${caller.accountId}:assumed-role/${roleName}/${SESSION}` };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A role's unique id (`AROA` and 17 characters, as IAM gives roles): derived from its ARN, so it is stable. */
function roleId(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  return `AROA${[...digest.subarray(0, 17)].map((byte) => ID_ALPHABET[byte % 32]).join('')}`;
}
