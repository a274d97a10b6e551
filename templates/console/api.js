// The same-origin APIs the console reads and changes: the Cognito JSON API (as the AWS SDKs call it) and
// cogniform's own /_cogniform/ endpoints (DESIGN.md §3).

export class ApiError extends Error {
  constructor(type, message, status) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/**
 * One Cognito operation. `region` chooses the pools ListUserPools sees (cogniform lists the caller's region,
 * which it reads from the SigV4 credential scope and never verifies); without it, the emulator's own region.
 */
export async function cognito(operation, body = {}, region = undefined) {
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
  };
  if (region) headers.authorization = `AWS4-HMAC-SHA256 Credential=console/19700101/${region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`;
  const response = await fetch('/', { method: 'POST', headers, body: JSON.stringify(body) });
  const answer = await readJson(response);
  if (!response.ok) throw new ApiError(answer.__type ?? `HTTP ${response.status}`, answer.message ?? answer.Message ?? '', response.status);
  return answer;
}

/** Every page of a paginated Cognito list, joined (up to `maxPages`, far beyond what a local emulator holds). */
export async function cognitoAll(operation, body, listKey, tokenKey = 'NextToken', maxPages = 50) {
  const items = [];
  let token;
  for (let page = 0; page < maxPages; page++) {
    const answer = await cognito(operation, token ? { ...body, [tokenKey]: token } : body);
    items.push(...(answer[listKey] ?? []));
    token = answer[tokenKey];
    if (!token) break;
  }
  return items;
}

/** GET /_cogniform/<path> as JSON. */
export async function emulator(path, signal = undefined) {
  const response = await fetch(`/_cogniform/${path}`, { signal, headers: { accept: 'application/json' } });
  const answer = await readJson(response);
  if (!response.ok) throw new ApiError(`HTTP ${response.status}`, answer.message ?? response.statusText, response.status);
  return answer;
}

async function readJson(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { message: text.slice(0, 200) };
  }
}
