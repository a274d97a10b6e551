// A public route: no token needed.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: `hello from stage ${process.env.NOTES_STAGE}`, path: event.path }),
});
