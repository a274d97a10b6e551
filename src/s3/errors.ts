// S3's errors: an XML `<Error>` with AWS's code and message, the HTTP status S3 gives it, and the resource it names
// (`<BucketName>`, `<Key>`, `<UploadId>`). Codes, messages and statuses from the S3 API reference "Error responses"
// list (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).

export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
    /** Extra `<Error>` fields: BucketName, Key, UploadId, PartNumber... */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
export const noSuchKey = (key: string) => new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
export const noSuchUpload = (uploadId: string) =>
  new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );
export const bucketNotEmpty = (bucket: string) =>
  new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket });
export const bucketAlreadyOwnedByYou = (bucket: string) =>
  new S3Error(
    'BucketAlreadyOwnedByYou',
    'Your previous request to create the named bucket succeeded and you already own it.',
    409,
    { BucketName: bucket },
  );
export const invalidBucketName = (bucket: string) =>
  new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });
export const malformedXml = () =>
  new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
export const invalidArgument = (message: string, name: string, value: string) =>
  new S3Error('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
export const badDigest = (what: string) =>
  new S3Error('BadDigest', `The ${what} you specified did not match the calculated checksum.`, 400);
export const methodNotAllowed = (method: string) =>
  new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
    Method: method,
    ResourceType: 'OBJECT',
  });
export const notImplemented = (what: string) =>
  new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', 501, { Header: what });
