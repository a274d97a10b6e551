// `npm run bench:deploy`: how long `serverless deploy --stage local` of examples/serverless-api takes against
// cogniform, with the CLI's status polling at 200 ms (SLS_AWS_MONITORING_FREQUENCY): a first deploy into a fresh
// emulator, a redeploy with nothing changed, and cogniform's own work per executed change set (the reconcile the
// stack records). No peer runs CloudFormation locally for free (LocalStack's is in its paid image, cognito-local has
// none), so the floor in the same run is the CLI itself: `serverless package` of the same service, which makes no AWS
// call. Targets (issue [F]): a first deploy under 3 s wall, cogniform's work per change set under 200 ms.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../src/config.js';
import { startEmulator } from '../../src/index.js';
import { runServerless, SCRATCH, type ServerlessCliName } from '../helpers/serverlessCli.js';
import { describeMachine } from './machine.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, cli: { type: 'string', default: 'osls3' } } });
const ROUNDS = Number(values.rounds);
const CLI = values.cli as ServerlessCliName;
const EXAMPLE = fileURLToPath(new URL('../../examples/serverless-api', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// One HOME for every run, as a user has: the framework keeps caches there (a fresh HOME adds about 1.5 s to a run).
const HOME = path.join(SCRATCH, 'bench-deploy-home');
await mkdir(HOME, { recursive: true }); // makes SCRATCH too

interface Round {
  packageMs: number;
  firstDeployMs: number;
  redeployMs: number;
  /** cogniform's own reconcile time for each change set the first deploy executed (create, then update). */
  changeSetMs: number[];
}

async function round(): Promise<Round> {
  const service = await mkdtemp(path.join(SCRATCH, 'bench-deploy-'));
  await cp(EXAMPLE, service, { recursive: true });
  // cogniform logs its own time per executed change set: `<stack> (CloudFormation API): change set <name> done in N ms`.
  const changeSetMs: number[] = [];
  const log = {
    info: (line: string) => {
      const done = /: change set \S+ done in ([\d.]+) ms/.exec(line);
      if (done) changeSetMs.push(Number(done[1]));
    },
    error: () => {},
  };
  const emulator = await startEmulator({ ...DEFAULTS, inMemory: true, port: 0, host: 'localhost', log });
  const sls = async (...args: string[]) => {
    const run = await runServerless(CLI, service, [...args, '--stage', 'local'], { port: emulator.port, home: HOME });
    if (run.code !== 0) throw new Error(`serverless ${args.join(' ')} failed:\n${run.output}`);
    return run;
  };
  try {
    const packaged = await sls('package');
    const first = await sls('deploy');
    const again = await sls('deploy');
    if (!/Deployment skipped/.test(again.output)) throw new Error(`the redeploy was not skipped:\n${again.output}`);
    return { packageMs: packaged.ms, firstDeployMs: first.ms, redeployMs: again.ms, changeSetMs };
  } finally {
    await emulator.close();
    await rm(service, { recursive: true, force: true });
  }
}

const rounds: Round[] = [];
console.log(`serverless deploy benchmark: ${CLI}, ${ROUNDS} rounds + 1 warm-up, polling every 200 ms`);
for (let i = 0; i <= ROUNDS; i++) {
  const result = await round();
  if (i > 0) rounds.push(result);
  console.log(`  round ${i === 0 ? 'warm-up' : i}: package ${result.packageMs.toFixed(0)} ms, first deploy ${result.firstDeployMs.toFixed(0)} ms, redeploy ${result.redeployMs.toFixed(0)} ms, change sets ${result.changeSetMs.map((ms) => ms.toFixed(1)).join(' / ')} ms`);
}
const packageMs = median(rounds.map((r) => r.packageMs));
const firstMs = median(rounds.map((r) => r.firstDeployMs));
const redeployMs = median(rounds.map((r) => r.redeployMs));
// The first change set creates the core stack (the deployment bucket), the second applies the whole service.
const coreMs = median(rounds.map((r) => r.changeSetMs[0]!));
const serviceMs = median(rounds.map((r) => r.changeSetMs[1]!));
const machine = describeMachine();
console.log(`\n${machine.cpus} × ${machine.cpuModel}, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.os}`);
console.log(`| step (median of ${ROUNDS}) | wall ms | vs the CLI's own package |`);
console.log('|---|---|---|');
console.log(`| serverless package (no AWS call: the floor) | ${packageMs.toFixed(0)} | 1.00x |`);
console.log(`| first deploy | ${firstMs.toFixed(0)} | ${(firstMs / packageMs).toFixed(2)}x |`);
console.log(`| redeploy, nothing changed | ${redeployMs.toFixed(0)} | ${(redeployMs / packageMs).toFixed(2)}x |`);
console.log(`| cogniform's work per executed change set: core stack (1st) | ${coreMs.toFixed(1)} | |`);
console.log(`| cogniform's work per executed change set: the whole service (2nd) | ${serviceMs.toFixed(1)} | |`);
