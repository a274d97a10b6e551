import { validateRequest } from '../cognito/validate.js';
import type { Action } from './plan.js';
import { acceptedProvider, providerFor, type ProviderContext, type Provisioned, type ResourceProvider } from './resources/index.js';
import type { StackResource } from './stacks/stackRecord.js';
import { TemplateError, templateError, type LoadedTemplate } from './template.js';
import { messageOf } from '../errorMessage.js';

// Applying one resource's decision through its provider, and the rules a replacement follows. The order of the
// steps across a stack is ./reconcile.ts's.

export const USER_POOL = 'AWS::Cognito::UserPool';

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
 * cogniform deletes the old one first so that a local edit applies (as late in the reconcile as it can, and saying
 * so in the log: ./reconcile.ts).
 */
export function mustDeleteFirst(current: StackResource, properties: Record<string, unknown>, pinnedId: string | undefined): boolean {
  if (pinnedId === current.PhysicalId) return true;
  if (!Object.values(properties).includes(current.PhysicalId)) return false;
  // A group's or a user's name is unique within its pool only: in another pool the new one takes nothing from the
  // old, which stays (with its members) until the cleanup pass, and comes back whole if the update rolls back.
  return !(providerOf(current.Type).poolScopedName && current.Properties.UserPoolId !== properties.UserPoolId);
}

/**
 * Checks the request a create of `logicalId` would send against its operation's input model (member types,
 * required members), as the operation itself first does; throws that error at the resource, file:line:col.
 */
export function checkCreate(loaded: LoadedTemplate, logicalId: string, type: string, properties: Record<string, unknown>): void {
  try {
    validateCreate(logicalId, type, properties);
  } catch (error) {
    throw resourceError(loaded, logicalId, error);
  }
}

/** The create request a provider would send, against its operation's model; throws the operation's own error. */
function validateCreate(logicalId: string, type: string, properties: Record<string, unknown>): void {
  const planned = providerOf(type).createRequest?.(logicalId, properties);
  // A copy: the check truncates numbers in place, as AWS reads them.
  if (planned) validateRequest(planned.operation, structuredClone(planned.request));
}

export const removeResource = (context: ProviderContext, resource: StackResource): Promise<void> =>
  providerOf(resource.Type).delete(context, provisioned(resource), resource.Properties);

/**
 * Before a delete-first replacement deletes the old resource, what can be known of its replacement's create without
 * making it: the request against the operation's model (its properties are final by now, every dependency applied),
 * and the pool it goes into, which must exist (a read, no change).
 */
export async function preflight(context: ProviderContext, logicalId: string, type: string, properties: Record<string, unknown>): Promise<void> {
  validateCreate(logicalId, type, properties);
  if (type !== USER_POOL && typeof properties.UserPoolId === 'string') {
    await context.cognito('DescribeUserPool', { UserPoolId: properties.UserPoolId });
  }
}

/** A provider's failure (a Cognito error, say) reported at the resource it was applying. */
export async function atResource<R>(loaded: LoadedTemplate, logicalId: string, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw resourceError(loaded, logicalId, error);
  }
}

function resourceError(loaded: LoadedTemplate, logicalId: string, error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const type = (error as { type?: string }).type;
  const message = messageOf(error);
  return templateError(loaded, ['Resources', logicalId], type ? `${type}: ${message}` : message);
}
