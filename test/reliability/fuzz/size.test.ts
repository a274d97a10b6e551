import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator } from '../../helpers/emulator.js';
import { assertJsonError, Figures, send } from './harness.js';

// Request size: the edge's body limit (16 MB, src/server/app.ts, sized for imported user lists and templates) answers
// an AWS-shaped 413, and a stream of refused large bodies does not make the process hold on to them.

const LIMIT = 16 * 1024 * 1024;

test('Request size: a Cognito body over the limit is a 413 with an AWS error body; memory stays bounded', async () => {
  const emulator = await startTestEmulator();
  const figures = new Figures('request size');
  const over = Buffer.alloc(LIMIT + 1024, 0x20);
  const request = {
    method: 'POST' as const, url: '/', payload: over,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
  };
  try {
    const answer = await send(emulator, request, figures);
    assert.is(answer.status, 413);
    const error = assertJsonError(answer, 'over the limit');
    assert.is(error.__type, 'SerializationException');
    for (let i = 0; i < 20; i++) await send(emulator, request, figures); // warm-up
    const warm = process.memoryUsage().heapUsed;
    const rounds = 150;
    for (let i = 0; i < rounds; i++) assert.is((await send(emulator, request, figures)).status, 413);
    const after = process.memoryUsage().heapUsed;
    const growth = (after - warm) / 1024 / 1024;
    figures.report(`heapUsed ${(warm / 1024 / 1024).toFixed(0)} MB after warm-up, ${(after / 1024 / 1024).toFixed(0)} MB after ${rounds} more (${growth.toFixed(1)} MB growth; ${((rounds * over.length) / 1024 / 1024).toFixed(0)} MB refused)`);
    // 150 refused bodies are 2.4 GB: kept, they would show as gigabytes; 64 MB leaves room for the collector's timing.
    assert.ok(growth < 64, `heap grew ${growth.toFixed(1)} MB over ${rounds} refused bodies`);
    const health = await send(emulator, { method: 'GET', url: '/_cogniform/health' });
    assert.is(health.status, 200);
  } finally {
    await emulator.close();
  }
});

test.run();
