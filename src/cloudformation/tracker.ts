import type { StackStatus } from '@aws-sdk/client-cloudformation';
import type { ReconcileObserver, ResourceEvent } from '../iac/reconcile.js';
import { ROOT_TYPE, type EventLog } from './model/events.js';
import type { StackMeta } from './model/stacks.js';

// A stack operation's events: the root ones (the stack's own status) and each resource's, from the engine's
// observer, with each resource's last status remembered for DescribeStackResources.

/** The root event of `meta`'s stack. */
export const rootEvent = (meta: Pick<StackMeta, 'StackId' | 'StackName'>, status: StackStatus, reason?: string) => ({
  LogicalResourceId: meta.StackName,
  PhysicalResourceId: meta.StackId,
  ResourceType: ROOT_TYPE,
  ResourceStatus: status,
  ...(reason ? { ResourceStatusReason: reason } : {}),
});

export type Tracker = ReturnType<typeof track>;

/** Turns the engine's resource progress into events, and remembers each resource's last status. */
export function track(meta: StackMeta, events: EventLog) {
  const latest = new Map<string, { ResourceStatus: string; ResourceStatusReason?: string; Timestamp: string }>();
  const failed: string[] = [];
  const onResource = (e: ResourceEvent) => {
    const record = events.add({
      LogicalResourceId: e.logicalId,
      PhysicalResourceId: e.physicalId,
      ResourceType: e.type,
      ResourceStatus: e.status,
      ...(e.reason ? { ResourceStatusReason: e.reason } : {}),
      ...(e.properties ? { ResourceProperties: JSON.stringify(e.properties) } : {}),
    });
    if (e.status.endsWith('_FAILED')) failed.push(e.logicalId);
    latest.set(e.logicalId, { ResourceStatus: e.status, ...(e.reason ? { ResourceStatusReason: e.reason } : {}), Timestamp: record.Timestamp });
  };
  return {
    /** An observer whose cleanup pass, if `cleanupStatus` is given, starts with that root event. */
    observer(cleanupStatus?: StackStatus): ReconcileObserver {
      return {
        resource: onResource,
        cleanup: () => {
          if (cleanupStatus) events.add(rootEvent(meta, cleanupStatus));
        },
      };
    },
    failed: () => [...new Set(failed)],
    states(previous: StackMeta['Resources']): StackMeta['Resources'] {
      const next = { ...previous };
      for (const [id, state] of latest) {
        if (state.ResourceStatus === 'DELETE_COMPLETE' || state.ResourceStatus === 'DELETE_SKIPPED') delete next[id];
        else next[id] = state;
      }
      return next;
    },
  };
}
