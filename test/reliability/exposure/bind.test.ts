import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli, type ChildEmulator } from '../../helpers/child.js';
import { eventually } from '../../helpers/eventually.js';

/**
 * Where the real CLI listens: loopback only unless told otherwise, and a warning whenever it is told otherwise,
 * since the emulator answers anyone without credentials (codes, temporary passwords, reset).
 */
const test = suite('exposure: bind address');
const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-bind-'));
let child: ChildEmulator | undefined;

test.after.each(async () => {
  await child?.kill();
  child = undefined;
});
test.after(() => rm(dataDir, { recursive: true, force: true }));

/** This machine's addresses other than loopback (link-local IPv6 ones need a scope id to dial: left out). */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.toLowerCase().startsWith('fe80:'))
    .map((a) => a!.address);
}

/** Whether a TCP connection to `host:port` is accepted (refused, unreachable or silent for 2 s: no). */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

const portOf = (emulator: ChildEmulator) => Number(new URL(emulator.url).port);
const WARNING = /WARNING: listening on (\S+), which is not a loopback address/;
/** The warning's text once the child has printed it (stderr is a pipe of its own: it may trail the health answer). */
async function warning(emulator: ChildEmulator): Promise<string> {
  await eventually(async () => assert.match(emulator.output().stderr, /--host 127\.0\.0\.1\.\n/));
  return emulator.output().stderr;
}

test('start: --host localhost (the default) listens on 127.0.0.1 and ::1 and on no other address, without a warning', async () => {
  // startCli passes --host 127.0.0.1; a later --host wins (node:util parseArgs keeps the last value).
  child = await startCli(dataDir, ['--in-memory', '--host', 'localhost']);
  assert.match(child.url, /^http:\/\/localhost:\d+$/);
  const port = portOf(child);
  assert.ok(await reachable('127.0.0.1', port), '127.0.0.1');
  const hasIpv6Loopback = Object.values(networkInterfaces()).flat().some((a) => a?.internal && a.address === '::1');
  if (hasIpv6Loopback) assert.ok(await reachable('::1', port), '::1');
  const external = externalAddresses();
  console.log(`  (checked ${external.length} non-loopback address(es): ${external.join(', ') || 'none on this machine'})`);
  for (const address of external) assert.not.ok(await reachable(address, port), `reachable on ${address}`);
  assert.not.match(child.output().stderr, WARNING);
});

test('start: --host 0.0.0.0 is reachable from other interfaces and prints a warning that says why and how to stay local', async () => {
  child = await startCli(dataDir, ['--in-memory', '--host', '0.0.0.0']);
  const port = portOf(child);
  const stderr = await warning(child);
  assert.is(WARNING.exec(stderr)?.[1], '0.0.0.0', stderr);
  assert.match(stderr, new RegExp(`port ${port} can use the emulator without credentials`));
  assert.match(stderr, /\/_cogniform\/codes/);
  assert.match(stderr, /--host localhost/);
  // The warning is true: the other interfaces do reach it.
  for (const address of externalAddresses().filter((a) => a.includes('.'))) assert.ok(await reachable(address, port), address);
});

test('start: --host <a LAN address> prints the warning; --host 127.0.0.2 (loopback too) does not', async () => {
  const lan = externalAddresses().find((a) => a.includes('.'));
  if (lan) {
    child = await startCli(dataDir, ['--in-memory', '--host', lan]);
    assert.is(WARNING.exec(await warning(child))?.[1], lan);
    assert.not.ok(await reachable('127.0.0.1', portOf(child)), 'bound to the LAN address alone');
    await child.kill();
  }
  child = await startCli(dataDir, ['--in-memory', '--host', '127.0.0.2']);
  assert.not.match(child.output().stderr, WARNING);
});

test.run();
