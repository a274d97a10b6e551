// Binary payloads through a REST API (developer guide, "Binary media types for REST APIs in API Gateway"): a request
// body whose Content-Type is one of the API's BinaryMediaTypes reaches a proxy integration base64-encoded, with
// `isBase64Encoded: true`; a proxy response with `isBase64Encoded: true` is decoded to bytes when the client's
// Accept (its first type) or the response's Content-Type is one of them, and otherwise passed on as the base64 text.

/** Whether `contentType` (parameters ignored) is listed, `*` standing for any type or subtype (`image/*`, `*\/*`). */
export function isBinary(binaryMediaTypes: string[], contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!type) return false;
  const [main, sub] = type.split('/');
  return binaryMediaTypes.some((listed) => {
    const [listedMain, listedSub] = listed.trim().toLowerCase().split('/');
    return (listedMain === '*' || listedMain === main) && (listedSub === '*' || listedSub === sub);
  });
}

export function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.at(-1) : value;
}
