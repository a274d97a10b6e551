import { createHash } from 'node:crypto';
import { ALGORITHM_IDENTIFIER, SignatureV4, getCanonicalHeaders, type getCanonicalQuery } from '@smithy/signature-v4';
import type { IssuedCredentials } from '../../cognitoIdentity/credentials.js';
import type { GatewayDeps, GatewayRequest } from '../routes.js';
import { sameText } from '../../cognito/auth/sameText.js';
import { refusals, signatureExpired, signatureMismatch, signatureNotYetCurrent, type IamRefusal } from './iamRefusals.js';
import { Sha256 } from './iamSha256.js';
import { header, signatureClaim, signedQuery, type SignatureClaim, type SignedQuery } from './iamSignature.js';

// AWS_IAM authorization of both gateways: the request's SigV4 signature, recomputed with the secret of the
// temporary credentials an identity pool issued (cogniform knows no other keys, so any other key is refused as AWS
// refuses an unknown one). Checked in turn: the signature's form and scope (`execute-api`), its time (within
// 5 minutes either way: the "- 5 min." of API Gateway's "Signature expired" answers, mhart/aws4#118), the key and
// its session token, the credentials' expiry, then the signature itself, compared in constant time.
// IAM policies are not evaluated: the role's permissions are not emulated, any valid signature is let in.

export type IamOutcome = { caller: IssuedCredentials } | { unsigned: true } | { refusal: IamRefusal };

const SKEW_MS = 5 * 60_000;

export async function authorizeIam(request: GatewayRequest, deps: Pick<GatewayDeps, 'credentials' | 'clock'>): Promise<IamOutcome> {
  const query = signedQuery(request.rawQuery);
  const claim = signatureClaim(request, query);
  if (claim === 'unsigned') return { unsigned: true };
  if ('errorType' in claim) return { refusal: claim };
  const now = deps.clock.now();
  const late = now.getTime() - claim.signedAt.getTime();
  const validFor = claim.expiresIn !== undefined ? claim.expiresIn * 1000 : SKEW_MS;
  if (late > validFor) return { refusal: signatureExpired(claim.amzDate, now, validFor) };
  if (-late > SKEW_MS) return { refusal: signatureNotYetCurrent(claim.amzDate, now, SKEW_MS) };

  const issued = await deps.credentials.find(claim.accessKeyId);
  if (!issued || claim.securityToken === undefined || !sameText(claim.securityToken, issued.sessionToken)) {
    return { refusal: refusals.invalidToken };
  }
  if (now.getTime() >= issued.expiration) return { refusal: refusals.expiredToken };

  const expected = await recompute(request, query, claim, issued);
  return sameText(expected.signature, claim.signature) ? { caller: issued } : { refusal: signatureMismatch(expected.canonicalRequest, expected.stringToSign) };
}

type SignableRequest = Parameters<typeof getCanonicalQuery>[0];

/** The signer's own canonical request and string to sign, which it keeps protected. */
class Verifier extends SignatureV4 {
  canonicalRequest(request: SignableRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }

  stringToSign(amzDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(amzDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }
}

async function recompute(request: GatewayRequest, query: SignedQuery, claim: SignatureClaim, issued: IssuedCredentials) {
  const { region, service } = claim;
  const signer = new Verifier({
    service, region, sha256: Sha256, credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey },
  });
  const signable: SignableRequest = {
    method: request.method.toUpperCase(),
    protocol: 'http:',
    hostname: header(request, 'host') ?? '',
    path: signedPath(request),
    query,
    headers: Object.fromEntries(claim.signedHeaders.map((name) => [name, header(request, name) ?? ''])),
  };
  const canonicalHeaders = getCanonicalHeaders(signable, undefined, new Set(claim.signedHeaders));
  // The body's own hash, whatever X-Amz-Content-SHA256 says: API Gateway does not take UNSIGNED-PAYLOAD
  // (aws/aws-sdk-js-v3#308 was refused for it).
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  const canonicalRequest = signer.canonicalRequest(signable, canonicalHeaders, payloadHash);
  const stringToSign = await signer.stringToSign(claim.amzDate, claim.scope, canonicalRequest);
  const signature = await signer.sign(stringToSign, { signingDate: claim.signedAt, signingRegion: region, signingService: service });
  return { canonicalRequest, stringToSign, signature };
}

/** The path the client signed: the URL as it arrived (either URL form), else the path form it stands for. */
function signedPath(request: GatewayRequest): string {
  return request.signedPath ?? `/restapis/${request.apiId}/${request.stage}/_user_request_${request.path}`;
}

