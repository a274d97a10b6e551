// Region from a SigV4 credential scope: `Credential=<key>/<date>/<region>/<service>/aws4_request`, in the
// Authorization header or the X-Amz-Credential query parameter. The emulated AWS APIs do not verify signatures (any
// credentials work locally), so reading the scope is all they need. API Gateway's AWS_IAM routes are the exception:
// they verify with the credentials the identity pools issued (src/gateway/auth/iamAuthorize.ts).
const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

export interface CredentialScope {
  region: string;
  service: string;
}

export function credentialScope(authorization: string | undefined, queryCredential?: string): CredentialScope | undefined {
  const source = authorization ?? (queryCredential ? `Credential=${queryCredential}` : undefined);
  const match = source ? SCOPE.exec(source) : null;
  return match ? { region: match[1]!, service: match[2]! } : undefined;
}
