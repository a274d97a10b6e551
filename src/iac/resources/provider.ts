import type { IntrinsicFunction } from 'cloudform-types/types/dataTypes.js';
import type { LocalS3 } from '../../s3/index.js';

// The contract between the reconciler (../reconcile.ts) and one resource provider per CloudFormation type. A provider
// changes the emulator only through `ctx.cognito`, the same operations an API client calls (DESIGN.md §1).

export interface CognitoCallOptions {
  /**
   * The id the created pool or client must get (resource Metadata `cogniform: { id }`, or the provider's presetId).
   * The context passes it to CreateUserPool / CreateUserPoolClient / CreateIdentityPool, which use it instead of
   * generating one.
   */
  pinnedId?: string;
}

export interface ProviderContext {
  /** Calls a Cognito user-pools operation by name with a JSON request, as an API client would; throws CognitoError. */
  cognito(operation: string, request: object, options?: CognitoCallOptions): Promise<any>;
  /** Calls an identity-pools operation (cognito-identity) by name with a JSON request; throws JsonServiceError. */
  cognitoIdentity(operation: string, request: object, options?: CognitoCallOptions): Promise<any>;
  /** The local S3, for AWS::S3::Bucket. */
  s3: LocalS3;
  region: string;
  accountId: string;
  stackName: string;
  log(message: string): void;
}

/** A Cognito operation and the request a provider sends it. */
export interface CreateRequest {
  operation: string;
  request: object;
}

/** What a provider made: its physical ID (the Ref value) and its Fn::GetAtt attributes. */
export interface Provisioned {
  physicalId: string;
  attributes: Record<string, unknown>;
}

export interface ResourceProvider<P = Record<string, unknown>> {
  type: string;
  /** Whether changing from `previous` to `next` properties needs a replacement (CloudFormation docs "Update requires: Replacement"). */
  replaces(previous: P, next: P): boolean;
  /**
   * The physical ID a create will give the resource, chosen before the create and passed to it as `pinnedId`. The
   * reconciler records it first, so that a reconcile cut off during the create (a crash) finds and removes what the
   * create may have made. A type without it must create nothing that could outlive a crash unrecorded.
   */
  presetId?(ctx: ProviderContext, logicalId: string, props: P): string;
  /**
   * The first request a create sends (a name the template leaves out stands as the logical ID). A file reconcile
   * checks it against the operation's input model for every resource before its first change, so that a property of
   * the wrong type or a missing one refuses the template instead of failing after earlier resources changed, or
   * after a replacement deleted the resource it replaces (../apply.ts checkCreate).
   */
  createRequest?(logicalId: string, props: P): CreateRequest;
  /**
   * Whether the physical ID is a name unique only within its pool (a group, a user): a replacement in another pool
   * takes nothing from the old resource, which can then wait for the cleanup pass (../apply.ts mustDeleteFirst).
   */
  poolScopedName?: boolean;
  create(ctx: ProviderContext, logicalId: string, props: P, pinnedId?: string): Promise<Provisioned>;
  update(ctx: ProviderContext, current: Provisioned, next: P, previous: P): Promise<Provisioned>;
  delete(ctx: ProviderContext, current: Provisioned, props: P): Promise<void>;
}

/**
 * cloudform-types' property types as providers receive them: intrinsics resolved, so `Value<X>` is `X` and
 * `List<X>` is `X[]`.
 */
export type Resolved<T> = T extends IntrinsicFunction
  ? never
  : T extends (infer Item)[]
    ? Resolved<Item>[]
    : T extends string | number | boolean | null | undefined
      ? T
      : { [K in keyof T]: Resolved<T[K]> };
