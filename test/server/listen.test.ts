import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator } from '../helpers/emulator.js';

test('Listen: localhost means both loopbacks, IPv4 and IPv6, on one port', async () => {
  const emulator = await startTestEmulator({ host: 'localhost' });
  try {
    const v4 = await fetch(`http://127.0.0.1:${emulator.port}/_cogniform/health`);
    assert.is(v4.status, 200);
    const v6 = await fetch(`http://[::1]:${emulator.port}/_cogniform/health`);
    assert.is(v6.status, 200);
    const created = await fetch(`http://[::1]:${emulator.port}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' },
      body: JSON.stringify({ PoolName: 'over-ipv6' }),
    });
    assert.is(created.status, 200);
  } finally {
    await emulator.close();
  }
});

test('Listen: a port in use is refused with EADDRINUSE, and the store is closed again', async () => {
  const first = await startTestEmulator({ host: '127.0.0.1' });
  try {
    await startTestEmulator({ host: '127.0.0.1', port: first.port });
    assert.unreachable('second listen should fail');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'EADDRINUSE');
  } finally {
    await first.close();
  }
});

test.run();
