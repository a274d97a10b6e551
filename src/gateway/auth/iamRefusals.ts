// What API Gateway answers a request that an AWS_IAM method (REST) or route (HTTP API) refuses once it carries a
// signature: 403, `{"message": ...}`, the exception's name in `x-amzn-ErrorType`. The wording is AWS's, as clients
// observed it (sources on each); both API types share the SigV4 check (floci-io/floci#4090 saw the same
// InvalidSignatureException on REST and HTTP APIs). An unsigned request is not refused here: REST answers it
// "Missing Authentication Token", HTTP APIs "Forbidden".

export interface IamRefusal {
  errorType: string;
  message: string;
}

/** SigV4 dates, `20201027T123008Z`. */
export const basicDate = (date: Date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '');

export const refusals = {
  /** Unknown access key, or a session token missing or not the one issued with it (badslug/Paw-AWSSignature4DynamicValue#5). */
  invalidToken: { errorType: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
  /** Temporary credentials past their expiration (cloudquery/cq-provider-aws#1171). */
  expiredToken: { errorType: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
} satisfies Record<string, IamRefusal>;

/**
 * An Authorization header that lacks SigV4 parts, each named in turn, then the header itself (aws/chalice#828 and
 * digitalepidemiologylab/crowdbreaks#3: a JWT or `Basic` value gets all four sentences).
 */
export function incompleteHeader(missing: string[], authorization: string): IamRefusal {
  return { errorType: 'IncompleteSignatureException', message: `${missing.join(' ')} Authorization=${authorization}` };
}

/** A presigned URL that lacks SigV4 query parameters (AWS's query-string form of the message above; recalled). */
export function incompleteQuery(missing: string[]): IamRefusal {
  const sentences = missing.map((name) => `AWS query-string parameters must include '${name}'.`);
  return { errorType: 'IncompleteSignatureException', message: `${sentences.join(' ')} Re-examine the query-string parameters.` };
}

/** An X-Amz-Date that is not `yyyyMMddTHHmmssZ` (AWS's wording, recalled). */
export function malformedDate(value: string): IamRefusal {
  return {
    errorType: 'IncompleteSignatureException',
    message: `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  };
}

/**
 * A credential scope for another service, terminator or malformed region, one sentence each, each ending in `. `
 * (ex-aws/ex_aws#701: "Credential should be scoped to correct service: 'execute-api'. "; Kong/insomnia#713 shows
 * two sentences joined).
 */
export function wrongScope(scope: { region: string; service: string; terminator: string }): IamRefusal | undefined {
  const problems = [
    /^[a-z]{2}(-[a-z]+)+-\d+$/.test(scope.region) ? '' : `Credential should be scoped to a valid region, not '${scope.region}'. `,
    scope.service === 'execute-api' ? '' : "Credential should be scoped to correct service: 'execute-api'. ",
    scope.terminator === 'aws4_request' ? '' : `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'. `,
  ].join('');
  return problems ? { errorType: 'InvalidSignatureException', message: problems } : undefined;
}

/** The credential scope's date is not the request's day (AWS's wording, recalled). */
export function scopeDateMismatch(scopeDate: string, amzDate: string): IamRefusal {
  return {
    errorType: 'InvalidSignatureException',
    message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  };
}

/**
 * A signature older than the window allows: "Signature expired: 20201027T123008Z is now earlier than
 * 20201027T125507Z (20201027T130007Z - 5 min.)" from an execute-api call (mhart/aws4#118).
 */
export function signatureExpired(amzDate: string, now: Date, windowMs: number): IamRefusal {
  const earliest = basicDate(new Date(now.getTime() - windowMs));
  return {
    errorType: 'InvalidSignatureException',
    message: `Signature expired: ${amzDate} is now earlier than ${earliest} (${basicDate(now)} - ${span(windowMs)})`,
  };
}

/** A signature dated too far ahead (NickWaterton/Roomba980-Python#118, serverless/enterprise#11). */
export function signatureNotYetCurrent(amzDate: string, now: Date, windowMs: number): IamRefusal {
  const latest = basicDate(new Date(now.getTime() + windowMs));
  return {
    errorType: 'InvalidSignatureException',
    message: `Signature not yet current: ${amzDate} is still later than ${latest} (${basicDate(now)} + ${span(windowMs)})`,
  };
}

const span = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min.` : `${ms / 1000} sec.`);

/**
 * The signature does not match: API Gateway says what it computed, canonical request and string to sign
 * (mhart/aws4#33, aws/aws-sdk-js#2372).
 */
export function signatureMismatch(canonicalRequest: string, stringToSign: string): IamRefusal {
  return {
    errorType: 'InvalidSignatureException',
    message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key '
      + 'and signing method. Consult the service documentation for details.\n\n'
      + `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n`
      + `The String-to-Sign should have been\n'${stringToSign}'\n`,
  };
}
