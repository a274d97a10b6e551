import { randomInt } from 'node:crypto';
import type { ProviderContext, ResourceProvider } from './provider.js';

// Types cogniform serves from the stack itself rather than through an API: API Gateway's resources (the local
// gateway reads them from the stacks, src/gateway) and Lambda functions (the local runtime, src/lambda). Creating
// one records it under an id shaped like AWS's; updating keeps the id; the Fn::GetAtt attributes are AWS's.

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random lower-case alphanumerics: API Gateway ids (`a1b2c3d4e5` for an API, 6 for a resource). */
export function gatewayId(length: number): string {
  let id = '';
  for (let i = 0; i < length; i++) id += LOWER_ALPHANUMERIC[randomInt(LOWER_ALPHANUMERIC.length)];
  return id;
}

export interface RecordedType {
  type: string;
  /** The physical id (the Ref value) of a new resource. */
  id(ctx: ProviderContext, logicalId: string, props: Record<string, unknown>): string;
  /** The Fn::GetAtt attributes, from the id and properties. */
  attributes?(ctx: ProviderContext, id: string, props: Record<string, unknown>): Record<string, unknown>;
  /** Properties whose change means a new resource ("Update requires: Replacement" in the CloudFormation docs). */
  replaceOn?: string[];
}

export function recordedProvider(spec: RecordedType): ResourceProvider {
  const attributes = (ctx: ProviderContext, id: string, props: Record<string, unknown>) => spec.attributes?.(ctx, id, props) ?? {};
  return {
    type: spec.type,
    replaces: (previous, next) =>
      (spec.replaceOn ?? []).some((name) => JSON.stringify(previous[name]) !== JSON.stringify(next[name])),
    async create(ctx, logicalId, props) {
      const physicalId = spec.id(ctx, logicalId, props);
      return { physicalId, attributes: attributes(ctx, physicalId, props) };
    },
    update: async (ctx, current, next) => ({ physicalId: current.physicalId, attributes: attributes(ctx, current.physicalId, next) }),
    delete: async () => {},
  };
}
