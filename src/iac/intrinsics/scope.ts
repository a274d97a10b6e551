// What the resolver reads: the template, the pseudo parameters, parameter values, condition values, and two
// finders (resources, exports) that the planner injects, so the resolver itself stays pure.
import type { LoadedTemplate, PropertyPath } from '../template.js';

/** The values of CloudFormation's pseudo parameters for one stack. */
export interface Pseudo {
  region: string;
  accountId: string;
  stackName: string;
  stackId: string;
  partition: string;
  urlSuffix: string;
  /** AWS::NotificationARNs; none unless given. */
  notificationArns?: string[];
}

/** A parameter's value: a string, or a list for `List<...>` and `CommaDelimitedList` types. */
export type ParameterValue = string | string[];

/** What a created resource answers to Ref and Fn::GetAtt. */
export interface ResourceState {
  ref: string;
  attributes: Record<string, unknown>;
}

export interface ResolveScope {
  loaded: LoadedTemplate;
  pseudo: Pseudo;
  parameters: Record<string, ParameterValue>;
  conditions: Record<string, boolean>;
  /** The resource's state, or undefined while it is not created yet (the resolver then throws Unresolved). */
  resource(logicalId: string): ResourceState | undefined;
  /** The value another stack exports under `name`, or undefined when no stack does. */
  importValue(name: string): string | undefined;
}

/**
 * A value needs a resource that is not created yet. Not a template error: the planner catches it and resolves
 * resources in dependency order; it only escapes when the order is wrong.
 */
export class Unresolved extends Error {
  constructor(
    readonly logicalId: string,
    readonly path: PropertyPath,
  ) {
    super(`resource '${logicalId}' is not created yet`);
    this.name = 'Unresolved';
  }
}

/** Pseudo parameters by the name a template uses. AWS::NoValue is handled by the resolver itself. */
export function pseudoParameter(pseudo: Pseudo, name: string): ParameterValue | undefined {
  switch (name) {
    case 'AWS::Region': return pseudo.region;
    case 'AWS::AccountId': return pseudo.accountId;
    case 'AWS::StackName': return pseudo.stackName;
    case 'AWS::StackId': return pseudo.stackId;
    case 'AWS::Partition': return pseudo.partition;
    case 'AWS::URLSuffix': return pseudo.urlSuffix;
    case 'AWS::NotificationARNs': return pseudo.notificationArns ?? [];
    default: return undefined;
  }
}

/** Whether `name` is a pseudo parameter (including AWS::NoValue), never a logical ID. */
export function isPseudoName(name: string): boolean {
  return name.startsWith('AWS::');
}
