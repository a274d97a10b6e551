// `npm run bench:gateway`: requests per second and latency of one handler behind cogniform's API Gateway, with no
// authorizer, a COGNITO_USER_POOLS authorizer (REST) and a JWT authorizer (HTTP API), against serverless-offline
// (from npm, installed here) serving the same handler with no authorizer, in one run. Not a test. See BENCHMARKS.md.
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cogniformCommand } from './cogniform.js';
import { get, routeLoad, type Target } from './gatewayLoad.js';
import { BODY, CLIENT_ID, POOL_ID, writeGatewayProject } from './gatewayProject.js';
import { renderGatewayMarkdown, type GatewayMeasurement, type GatewayRound } from './gatewayReport.js';
import { runLoad } from './load.js';
import { describeMachine, machineCpuSeconds } from './machine.js';
import { freePort, startServer, type Server } from './server.js';
import { ensureServerlessOffline, OSLS_VERSION, SCRATCH, SERVERLESS_OFFLINE_VERSION, startServerlessOffline } from './serverlessOffline.js';
import { PASSWORD, TEMPORARY_PASSWORD } from './workload.js';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1,8,32' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '4' },
    requests: { type: 'string', default: '4000' },
    /** Directory for the cogniform server's CPU profile (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const CONCURRENCY = values.concurrency.split(',').map(Number);
const [ROUNDS, SECONDS, REQUESTS] = [Number(values.rounds), Number(values.seconds), Number(values.requests)];
const WARMUP = { requests: 500, seconds: 2 };
if (![...CONCURRENCY, ROUNDS, SECONDS, REQUESTS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: gateway.ts [--concurrency 1,8,32] [--rounds 5] [--seconds 4] [--requests 4000] [--profile DIR] [--keep]');
  process.exit(2);
}

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function startCogniform(projectDir: string): Promise<Server> {
  const port = await freePort();
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  return startServer({
    command: process.execPath,
    args: [...profile, ...cogniformCommand().args, 'start', projectDir, '--no-watch', '--in-memory', '--host', '127.0.0.1', '--port', String(port)],
    cwd: path.resolve(import.meta.dirname, '../..'),
    port,
    healthPath: '/_cogniform/health',
    logFile: path.join(projectDir, 'cogniform.log'),
  });
}

/** A confirmed user of the template's pool, signed in with USER_PASSWORD_AUTH through the SDK: its ID and access tokens. */
async function signIn(endpoint: string): Promise<{ id: string; access: string }> {
  const client = new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const Username = 'bench-user';
  await client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username, TemporaryPassword: TEMPORARY_PASSWORD, MessageAction: 'SUPPRESS' }));
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username, Password: PASSWORD, Permanent: true }));
  const { AuthenticationResult } = await client.send(
    new InitiateAuthCommand({ ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD } }),
  );
  client.destroy();
  if (!AuthenticationResult?.IdToken || !AuthenticationResult.AccessToken) throw new Error('the sign-in answered no tokens');
  return { id: AuthenticationResult.IdToken, access: AuthenticationResult.AccessToken };
}

/** cogniform's three routes, found by path in `GET /_cogniform/routes`, with the token each authorizer wants. */
async function cogniformTargets(server: Server): Promise<Target[]> {
  const tokens = await signIn(server.endpoint);
  const { routes } = (await (await fetch(`${server.endpoint}/_cogniform/routes`)).json()) as { routes: { path: string; url: string }[] };
  const url = (routePath: string) => {
    const route = routes.find((r) => r.path === routePath);
    if (!route) throw new Error(`cogniform lists no route ${routePath}: ${JSON.stringify(routes)}`);
    return new URL(new URL(route.url).pathname, server.endpoint);
  };
  return [
    { name: 'cogniform /open', system: 'cogniform', authorizer: 'none', url: url('/open'), headers: {} },
    // A REST Cognito authorizer takes the ID token as the header's whole value; an HTTP API JWT authorizer strips
    // "Bearer " and wants the access token here, whose client_id its audience names.
    { name: 'cogniform /cognito', system: 'cogniform', authorizer: 'COGNITO_USER_POOLS', url: url('/cognito'), headers: { authorization: tokens.id } },
    { name: 'cogniform /jwt', system: 'cogniform', authorizer: 'JWT', url: url('/jwt'), headers: { authorization: `Bearer ${tokens.access}` } },
  ];
}

/** Before measuring: each target answers the handler's body, and cogniform's authorizers turn away a request without a token. */
async function smokeCheck(targets: Target[]): Promise<void> {
  for (const target of targets) {
    const answer = await get(target.url, false, target.headers);
    if (answer.status !== 200 || answer.text !== BODY) throw new Error(`${target.name} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    if (target.authorizer === 'none') continue;
    const anonymous = await get(target.url, false, {});
    if (anonymous.status !== 401) throw new Error(`${target.name} without a token answered ${anonymous.status}, not 401`);
  }
}

async function round(target: Target, server: Server, concurrency: number, warmup: boolean): Promise<GatewayRound> {
  const load = routeLoad(target, concurrency, warmup ? WARMUP.requests : REQUESTS, warmup ? WARMUP.seconds : SECONDS);
  const [cpu0, own0, machine0] = [server.cpuSeconds(), process.cpuUsage(), machineCpuSeconds()];
  try {
    const result = await runLoad(load.spec);
    const serverCpu = server.cpuSeconds() - cpu0;
    const own = process.cpuUsage(own0);
    const busy = machineCpuSeconds().busy - machine0.busy;
    return {
      ...result,
      serverCpuMsPerRequest: (serverCpu * 1000) / (result.ok + result.errors),
      otherCores: Math.max(0, (busy - serverCpu - (own.user + own.system) / 1e6) / result.seconds),
    };
  } finally {
    load.close();
  }
}

async function main(): Promise<void> {
  ensureServerlessOffline(log);
  const machine = describeMachine();
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}`);
  // Under test/bench/.scratch, so that the framework finds serverless-offline from the project's folder.
  const projectDir = mkdtempSync(path.join(SCRATCH, 'gateway-'));
  writeGatewayProject(projectDir);
  const servers: Server[] = [];
  try {
    const cogniform = await startCogniform(projectDir);
    servers.push(cogniform);
    log(`cogniform from ${cogniformCommand().from} on ${cogniform.endpoint}`);
    const offline = await startServerlessOffline(projectDir, path.join(projectDir, 'serverless-offline.log'));
    servers.push(offline);
    log(`serverless-offline ${SERVERLESS_OFFLINE_VERSION} (osls ${OSLS_VERSION}) on ${offline.endpoint}`);
    const targets: [Target, Server][] = [
      ...(await cogniformTargets(cogniform)).map((t): [Target, Server] => [t, cogniform]),
      [{ name: 'serverless-offline /open', system: 'serverless-offline', authorizer: 'none', url: new URL('/open', offline.endpoint), headers: {} }, offline],
    ];
    await smokeCheck(targets.map(([t]) => t));

    const measurements: GatewayMeasurement[] = [];
    for (const concurrency of CONCURRENCY) {
      const rows = targets.map(([t]) => ({ route: t.name, system: t.system, authorizer: t.authorizer, concurrency, rounds: [] as GatewayRound[] }));
      measurements.push(...rows);
      // The routes take turns round by round, so that a slow spell of the shared machine hits them alike.
      for (let r = 0; r <= ROUNDS; r++) {
        for (const [i, [target, server]] of targets.entries()) {
          const result = await round(target, server, concurrency, r === 0);
          log(`${target.name} x${concurrency} ${r === 0 ? 'warm-up' : `round ${r}/${ROUNDS}`}: ${result.opsPerSec.toFixed(0)} req/s, ` +
            `p50 ${result.p50.toFixed(2)} ms, ${result.errors} failures`);
          if (r > 0) rows[i]!.rounds.push(result);
        }
      }
    }

    const markdown = renderGatewayMarkdown(
      {
        command: `npm run bench:gateway${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
        date: new Date().toISOString().slice(0, 10),
        machine,
        cogniformFrom: cogniformCommand().from,
        peer: `serverless-offline ${SERVERLESS_OFFLINE_VERSION} on osls ${OSLS_VERSION} (Serverless Framework v3), \`--noAuth\``,
        rounds: ROUNDS,
        bounds: `a round is ${REQUESTS} requests or ${SECONDS} s, whichever ends first, and the four routes take turns round by round`,
      },
      measurements,
    );
    console.log(`\n${markdown}`);
    writeFileSync(path.join(SCRATCH, 'gateway-last-run.md'), markdown);
    writeFileSync(path.join(SCRATCH, 'gateway-last-run.json'), JSON.stringify({ machine, measurements }, null, 2));
  } finally {
    for (const server of servers.reverse()) await server.stop();
    if (values.keep) log(`kept ${projectDir}`);
    else rmSync(projectDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
