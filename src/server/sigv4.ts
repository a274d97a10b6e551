// Region from a SigV4 credential scope: `Credential=<key>/<date>/<region>/<service>/aws4_request`, in the
// Authorization header or the X-Amz-Credential query parameter. Signatures are not verified (any credentials
// work locally), so reading the scope is all that is needed; a SigV4 library would add verification we skip.
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
