import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateUserPoolCommand, DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { poolSigningKeys } from '../../../src/cognito/tokens/keys.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { issue, makeSubject } from './fixture.js';

test('signing keys: concurrent first requests get one pair of keys', async () => {
  const emulator = await startTestEmulator();
  try {
    const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'race' }));
    const all = await Promise.all(Array.from({ length: 8 }, () => emulator.tokens.jwks(UserPool!.Id!)));
    for (const jwks of all) assert.equal(jwks, all[0]);
    const [idKey, accessKey] = all[0]!.keys;
    assert.is.not(idKey!.kid, accessKey!.kid);
    // AWS's look: base64 of a SHA-256.
    assert.match(idKey!.kid, /^[A-Za-z0-9+/]{43}=$/);
  } finally {
    await emulator.close();
  }
});

test('signing keys: each pool has its own', async () => {
  const emulator = await startTestEmulator();
  try {
    const pools = await Promise.all(
      ['a', 'b'].map((name) => emulator.client.send(new CreateUserPoolCommand({ PoolName: name }))),
    );
    const [a, b] = await Promise.all(pools.map((p) => emulator.tokens.jwks(p.UserPool!.Id!)));
    assert.is.not(a!.keys[0]!.kid, b!.keys[0]!.kid);
    assert.is.not(a!.keys[1]!.kid, b!.keys[1]!.kid);
  } finally {
    await emulator.close();
  }
});

test('signing keys: kept across a restart on the same data dir, so old tokens still verify and refresh', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-keys-'));
  try {
    const first = await startTestEmulator({ inMemory: false, dataDir });
    const subject = await makeSubject(first);
    const tokens = await issue(first, subject);
    const before = await first.tokens.jwks(subject.pool.Id);
    await first.close();
    const second = await startTestEmulator({ inMemory: false, dataDir });
    try {
      const after = await second.tokens.jwks(subject.pool.Id);
      assert.equal(after, before);
      await jwtVerify(tokens.IdToken!, createLocalJWKSet(after!));
      await second.tokens.verifyAccessToken(tokens.AccessToken!);
      const session = await second.tokens.openRefreshToken(tokens.RefreshToken!, subject.client.ClientId);
      assert.is(session.user.Username, 'alice');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('signing keys: deleting a pool forgets its keys', async () => {
  const emulator = await startTestEmulator();
  try {
    const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'gone' }));
    assert.ok(await emulator.tokens.jwks(UserPool!.Id!));
    await emulator.client.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    assert.is(await emulator.tokens.jwks(UserPool!.Id!), undefined);
    assert.is(await emulator.store.table(poolSigningKeys).get([UserPool!.Id!]), undefined);
  } finally {
    await emulator.close();
  }
});

test.run();
