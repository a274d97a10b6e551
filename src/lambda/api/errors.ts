// Lambda's REST-JSON errors: the type in the `x-amzn-ErrorType` header and a body `{"Type": "User", "message"}`
// (observed, ../shared/reference/serverless-deploy.md §6; the SDK reads the type from the header). The exception
// names and status codes are the Lambda API reference's ("Errors" of each operation).

export class LambdaError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** ResourceNotFoundException as Lambda words it: the unqualified or qualified ARN of the name asked for. */
export function functionNotFound(arn: string): LambdaError {
  return new LambdaError('ResourceNotFoundException', `Function not found: ${arn}`, 404);
}

/** A request body that is not JSON (InvalidRequestContentException, "The request body could not be parsed as JSON"). */
export function badJson(detail: string): LambdaError {
  return new LambdaError('InvalidRequestContentException', `Could not parse request body into json: ${detail}`);
}

/** The service framework's constraint message: `1 validation error detected: Value 'x' at 'field' failed to satisfy constraint: ...`. */
export function validationError(value: unknown, field: string, constraint: string): LambdaError {
  return new LambdaError('ValidationException', `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

export function invalidParameter(message: string): LambdaError {
  return new LambdaError('InvalidParameterValueException', message);
}
