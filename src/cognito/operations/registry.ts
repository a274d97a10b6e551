import type * as sdk from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../deps.js';
import * as clients from './clients/index.js';
import * as domains from './domains/index.js';
import * as groups from './groups/index.js';
import * as identityProviders from './identityProviders/index.js';
import * as mfa from './mfa/index.js';
import * as passwords from './passwords/index.js';
import * as pools from './pools/index.js';
import * as profile from './profile/index.js';
import * as resourceServers from './resourceServers/index.js';
import * as riskConfiguration from './riskConfiguration/index.js';
import * as sessions from './sessions/index.js';
import * as signIn from './signIn/index.js';
import * as signUp from './signUp/index.js';
import * as tags from './tags/index.js';
import * as uiCustomization from './uiCustomization/index.js';
import * as users from './users/index.js';

// The one registry: operation name → factory. Each folder's index.ts lists its operations; a name that is not
// an operation of the service (per the SDK's command names) does not compile.
type OperationName = keyof typeof sdk extends infer K ? (K extends `${infer N}Command` ? N : never) : never;
type Factory = (deps: Deps) => Operation<never, unknown>;

const registry = {
  ...pools,
  ...clients,
  ...domains,
  ...groups,
  ...users,
  ...resourceServers,
  ...identityProviders,
  ...mfa,
  ...tags,
  ...signUp,
  ...signIn,
  ...passwords,
  ...profile,
  ...sessions,
  ...uiCustomization,
  ...riskConfiguration,
} satisfies { [K in OperationName]?: Factory };

export type ImplementedOperation = keyof typeof registry;

export function buildOperations(deps: Deps): Map<string, Operation<unknown, unknown>> {
  return new Map(
    Object.entries(registry).map(([name, factory]) => [name, (factory as Factory)(deps) as Operation<unknown, unknown>]),
  );
}
