import type { Store } from '../../../store/store.js';
import { Constraints, PATTERNS } from '../../constraints.js';
import { InvalidParameterException } from '../../errors.js';
import { requireClient, requirePool } from '../../lookup.js';
import { ALL_CLIENTS } from '../../model/uiCustomization.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What SetUICustomization and GetUICustomization share: their key's constraints (API reference: ClientId 1 to 128
// characters of [\w+]+, a sensitive member) and what must exist before a pool or client can be branded.

export function checkBrandingKey(userPoolId: string, clientId: string | undefined): Constraints {
  return checkUserPoolId(userPoolId)
    .length('clientId', clientId, 1, 128, true)
    .pattern('clientId', clientId, PATTERNS.clientId, true);
}

/**
 * The pool, and the client unless the branding is the pool's ("ALL"), must exist; and the pool must have a domain,
 * "Otherwise, there is no place to host the app's pages, and the service will throw an error" (SetUICustomization
 * reference). The message is AWS's, as hashicorp/terraform-provider-aws matches it after a domain is destroyed, for
 * GetUICustomization as well.
 */
export async function requireBrandable(store: Store, userPoolId: string, clientId: string): Promise<void> {
  const pool = await requirePool(store, userPoolId);
  if (clientId !== ALL_CLIENTS) await requireClient(store, userPoolId, clientId);
  if (!pool.Domain && !pool.CustomDomain) {
    throw new InvalidParameterException('There has to be an existing domain associated with this user pool');
  }
}
