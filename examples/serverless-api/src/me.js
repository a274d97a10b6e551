// A protected route: API Gateway has checked the token; the claims arrive in the event.
exports.handler = async (event) => {
  // REST APIs put the claims under requestContext.authorizer.claims, HTTP APIs under ...authorizer.jwt.claims.
  const authorizer = event.requestContext.authorizer ?? {};
  const claims = authorizer.claims ?? authorizer.jwt?.claims ?? {};
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: claims.sub, email: claims.email, username: claims['cognito:username'] ?? claims.username }),
  };
};
