// The contract between the identity pools (src/cognitoIdentity), which hand out temporary AWS credentials
// (GetCredentialsForIdentity), and what checks requests signed with them (the API Gateway AWS_IAM authorization,
// src/gateway/auth). cogniform remembers every set it issued, so that a signature can be verified with its secret.

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds after which the credentials no longer work. */
  expiration: number;
  region: string;
  accountId: string;
  identityPoolId: string;
  identityId: string;
  /** Whether the identity signed in with a login (the pool's authenticated role) or not. */
  authenticated: boolean;
  /** The role the credentials stand for (`arn:aws:iam::<account>:role/<name>`). */
  roleArn: string;
  /**
   * The login providers the credentials were issued for (`cognito-idp.<region>.amazonaws.com/<poolId>`), each with
   * the user pool user's `sub`, for API Gateway's `cognitoAuthenticationProvider`. Empty when unauthenticated.
   */
  logins: { provider: string; sub: string }[];
}

export interface CredentialsLookup {
  /** The credentials issued under `accessKeyId`, expired or not; undefined when cogniform never issued them. */
  find(accessKeyId: string): Promise<IssuedCredentials | undefined>;
}

/**
 * The identity's authentication methods reference, as Cognito's OpenID token carries it and API Gateway passes it
 * on: `authenticated`, then each login's provider and `<provider>:CognitoSignIn:<sub>`; or `unauthenticated`.
 */
export function amrOf(logins: IssuedCredentials['logins']): string[] {
  return logins.length
    ? ['authenticated', ...logins.flatMap(({ provider, sub }) => [provider, `${provider}:CognitoSignIn:${sub}`])]
    : ['unauthenticated'];
}
