import type { TableSpec } from '../../store/store.js';
import type { IssuedCredentials } from '../credentials.js';

// Every set of credentials GetCredentialsForIdentity issued, by access key id, so that a request signed with them
// can be verified (src/gateway/auth). Kept after they expire: a late request is refused as expired, not as unknown.
export const issuedCredentials: TableSpec<IssuedCredentials> = { name: 'identityCredentials', key: (c) => [c.accessKeyId] };
