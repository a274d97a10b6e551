import { removeResource } from './apply.js';
import type { ProviderContext } from './resources/index.js';
import { sameResource, type Leftover, type StackResource } from './stacks/stackRecord.js';
import { messageOf } from '../errorMessage.js';

// A reconcile saves its stack before and after each change (./reconcile.ts), so that a crash (SIGKILL, power loss)
// between a Cognito write and the stack's record of it leaves something the next start can find: a resource being
// created, deleted or waiting for the cleanup pass is a Leftover, a resource being updated is marked Interrupted.

/**
 * Deletes `leftovers` (left by a reconcile a crash cut off), except one the stack maps again. The caller stops
 * tracking each, deleted or not: a resource that refuses to go (deletion protection) is logged once, not retried forever.
 */
export async function removeLeftovers(context: ProviderContext, leftovers: readonly Leftover[], applied: Record<string, StackResource>): Promise<void> {
  const mapped = (resource: StackResource) => Object.values(applied).some((r) => sameResource(r, resource));
  // Newest first: a client made after its pool goes before it.
  for (const { LogicalId, Resource } of [...leftovers].reverse()) {
    if (mapped(Resource)) continue;
    try {
      await removeResource(context, Resource);
      context.log(`stack ${context.stackName}: removed ${LogicalId} ${Resource.Type} ${Resource.PhysicalId}, left by a reconcile that was cut off`);
    } catch (error) {
      context.log(`stack ${context.stackName}: could not remove ${LogicalId} ${Resource.Type} ${Resource.PhysicalId}, left by a reconcile that was cut off: ${messageOf(error)}`);
    }
  }
}
