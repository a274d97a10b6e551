// Behind the JWT authorizer: API Gateway has checked the token, and its claims arrive in the event.
export const handler = async (event) => {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'hello', sub: claims.sub, username: claims.username }),
  };
};
