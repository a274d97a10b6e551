import type { TableSpec } from '../../store/store.js';
import { failedAttempts } from '../auth/lockout.js';
import { authSessions } from '../auth/sessions.js';
import { sentCodes } from '../codes/inbox.js';
import { pendingCodes } from '../codes/pendingCodes.js';
import { heldUpdates } from './heldUpdates.js';
import { poolSigningKeys } from '../tokens/keys.js';
import { rotatedRefreshTokens } from '../tokens/rotation.js';
import { tokenSessions, tokenSignOuts } from '../tokens/sessions.js';
import { userPoolClients } from './client.js';
import { userPoolDomains } from './domain.js';
import { groups, memberships } from './group.js';
import { identityProviders } from './identityProvider.js';
import { resourceServers } from './resourceServer.js';
import { riskConfigurations } from './riskConfiguration.js';
import { uiCustomizations } from './uiCustomization.js';
import { users } from './user.js';
import { poolStats } from './userPool.js';

/** Every table whose keys start with a pool id: what DeleteUserPool purges. Add new pool-scoped tables here. */
export const POOL_SCOPED_TABLES = [
  userPoolClients, userPoolDomains, groups, memberships, identityProviders, resourceServers, users, poolStats,
  sentCodes, authSessions, pendingCodes, poolSigningKeys, tokenSessions, tokenSignOuts, heldUpdates,
  rotatedRefreshTokens, failedAttempts, uiCustomizations, riskConfigurations,
] as TableSpec<unknown>[];
