import type { Action } from './plan.js';
import { acceptedProvider, providerFor, type ProviderContext, type Provisioned, type ResourceProvider } from './resources/index.js';
import type { StackResource } from './stacks/stackRecord.js';
import { TemplateError, templateError, type LoadedTemplate } from './template.js';

// Applying one resource's decision through its provider, and the rules a replacement follows. The order of the
// steps across a stack is ./reconcile.ts's.

/** The provider of `type`: a Cognito one, or the one that only records types cogniform does not emulate. */
export const providerOf = (type: string): ResourceProvider => providerFor(type) ?? acceptedProvider(type);

export const isEmulated = (type: string): boolean => providerFor(type) !== undefined;

const provisioned = (resource: StackResource): Provisioned => ({ physicalId: resource.PhysicalId, attributes: resource.Attributes });

/**
 * Carries out `action` for one resource. A replacement only creates the new resource here: the old one goes
 * before (see mustDeleteFirst) or in the cleanup pass at the end, as the caller arranges.
 */
export async function applyAction(
  context: ProviderContext,
  logicalId: string,
  type: string,
  current: StackResource | undefined,
  properties: Record<string, unknown>,
  action: Action,
  pinnedId: string | undefined,
): Promise<Provisioned> {
  const provider = providerOf(type);
  const made = await (action === 'unchanged'
    ? provisioned(current!)
    : action === 'update'
      ? provider.update(context, provisioned(current!), properties, current!.Properties)
      : provider.create(context, logicalId, properties, pinnedId));
  // A record read back from the store has no undefined values (JSON): drop them now so that Fn::GetAtt answers the
  // same in this reconcile as in the next ones.
  const attributes = Object.fromEntries(Object.entries(made.attributes).filter(([, value]) => value !== undefined));
  return { physicalId: made.physicalId, attributes };
}

/**
 * CloudFormation creates a replacement before it deletes the old resource. That cannot work when the replacement
 * takes the old one's identity: a pinned id, or a name given in the properties (a domain, a group, a user's
 * Username) that is its physical ID. AWS then fails the update ("CloudFormation cannot update a stack when a
 * custom-named resource requires replacing", https://repost.aws/knowledge-center/cloudformation-custom-name);
 * cogniform deletes the old one first so that a local edit applies.
 */
export function mustDeleteFirst(current: StackResource, properties: Record<string, unknown>, pinnedId: string | undefined): boolean {
  return pinnedId === current.PhysicalId || Object.values(properties).includes(current.PhysicalId);
}

export const removeResource = (context: ProviderContext, resource: StackResource): Promise<void> =>
  providerOf(resource.Type).delete(context, provisioned(resource), resource.Properties);

/** A provider's failure (a Cognito error, say) reported at the resource it was applying. */
export async function atResource<R>(loaded: LoadedTemplate, logicalId: string, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    const type = (error as { type?: string }).type;
    const message = error instanceof Error ? error.message : String(error);
    throw templateError(loaded, ['Resources', logicalId], type ? `${type}: ${message}` : message);
  }
}
