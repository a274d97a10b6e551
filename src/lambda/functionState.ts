import type { TableSpec } from '../store/store.js';

// What Lambda's API reports about a deployed function that the stack does not say, kept in the store so that it
// survives restarts: when its code or configuration last changed (LastModified, which `serverless deploy` compares
// with its uploads to skip a deploy with no changes, ../shared/reference/serverless-deploy.md §5.2), the code's
// hash and size, and the changes UpdateFunctionCode / UpdateFunctionConfiguration made. Those stay until the stack
// deploys the function anew (its resolved properties change), then the stack wins, as on AWS.

export interface StoredCode {
  /** CodeSha256: base64 SHA-256 of the zip (of the folder's path for a host folder, which has no zip). */
  sha256: string;
  /** CodeSize in bytes (0 for a host folder). */
  size: number;
  /** The code cache's folder name, for code from a zip. */
  cacheKey?: string;
  /** The S3 object the zip came from, for GetFunction's Code.Location. */
  object?: { bucket: string; key: string };
}

/** UpdateFunctionConfiguration's fields that cogniform applies. */
export interface ConfigurationChanges {
  Description?: string;
  Handler?: string;
  Runtime?: string;
  Timeout?: number;
  MemorySize?: number;
  /** Environment.Variables: replaces the whole set, as Lambda does. */
  Variables?: Record<string, string>;
}

export interface FunctionState {
  name: string;
  stackName: string;
  /** The stack's resolved properties this state follows (StackFunction.fingerprint). */
  fingerprint: string;
  /** ISO 8601, milliseconds. */
  lastModified: string;
  revisionId: string;
  code: StoredCode;
  configuration: ConfigurationChanges;
}

export const functionStates: TableSpec<FunctionState> = { name: 'lambdaFunctions', key: (state) => [state.name] };
