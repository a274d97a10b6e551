import type { Emulator } from '../../../../src/index.js';
import { identityProviders } from '../../../../src/cognito/model/identityProvider.js';
import { resourceServers } from '../../../../src/cognito/model/resourceServer.js';

// Resource servers and identity providers written straight into the store, so that the app-client tests do not
// depend on the operations of those areas.

export async function putResourceServer(
  emulator: Pick<Emulator, 'store'>, poolId: string, identifier: string, scopes: string[],
): Promise<void> {
  const { store } = emulator;
  await store.transact(poolId, (tx) => tx.put(store.table(resourceServers), {
    UserPoolId: poolId,
    Identifier: identifier,
    Name: identifier,
    Scopes: scopes.map((ScopeName) => ({ ScopeName, ScopeDescription: ScopeName })),
  }));
}

export async function putIdentityProvider(emulator: Pick<Emulator, 'store'>, poolId: string, name: string): Promise<void> {
  const { store } = emulator;
  const now = Date.now();
  await store.transact(poolId, (tx) => tx.put(store.table(identityProviders), {
    UserPoolId: poolId,
    ProviderName: name,
    ProviderType: 'OIDC',
    ProviderDetails: {},
    CreationDate: now,
    LastModifiedDate: now,
  }));
}
