// `npm run bench:templates`: how fast templates reconcile. A 200-resource CloudFormation template planned and
// applied (create, a no-change reconcile, an update of every resource) on LevelDB, and the save-to-applied latency
// of watch mode (a file written → its change applied). No peer reconciles templates locally (cognito-local has no
// templates; LocalStack deploys a whole stack per change), so the figures stand against the targets:
// 200-resource plan+apply under 100 ms, save-to-applied p95 under 300 ms. See BENCHMARKS.md.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../../src/config.js';
import { listStacks } from '../../src/iac/stacks/stackRecord.js';
import { startEmulator, type Emulator } from '../../src/index.js';
import { describeMachine } from './machine.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, saves: { type: 'string', default: '40' } } });
const ROUNDS = Number(values.rounds) + 1;
const SAVES = Number(values.saves);
const quiet = { info: () => {}, error: () => {} };

/** 10 pools, each with 5 clients, 10 groups and a domain, and 4 resource servers: 10 × 20 = 200 resources. */
function template(description: string): string {
  const lines = ['Resources:'];
  for (let p = 0; p < 10; p++) {
    lines.push(`  Pool${p}:`, '    Type: AWS::Cognito::UserPool', '    Properties:', `      UserPoolName: pool-${p}`);
    lines.push(`      UserPoolTags: { note: '${description}' }`);
    for (let c = 0; c < 5; c++) {
      lines.push(`  Pool${p}Client${c}:`, '    Type: AWS::Cognito::UserPoolClient', '    Properties:', `      UserPoolId: !Ref Pool${p}`);
      lines.push(`      ClientName: client-${c}-${description}`);
    }
    for (let g = 0; g < 10; g++) {
      lines.push(`  Pool${p}Group${g}:`, '    Type: AWS::Cognito::UserPoolGroup', '    Properties:', `      UserPoolId: !Ref Pool${p}`);
      lines.push(`      GroupName: group-${g}`, `      Description: ${description}`);
    }
    lines.push(`  Pool${p}Domain:`, '    Type: AWS::Cognito::UserPoolDomain', '    Properties:', `      UserPoolId: !Ref Pool${p}`);
    lines.push(`      Domain: bench-${p}`);
    for (let r = 0; r < 4; r++) {
      lines.push(`  Pool${p}Api${r}:`, '    Type: AWS::Cognito::UserPoolResourceServer', '    Properties:', `      UserPoolId: !Ref Pool${p}`);
      lines.push(`      Identifier: https://api-${r}.example.com`, `      Name: api-${r}-${description}`);
    }
  }
  return lines.join('\n') + '\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function emulatorIn(dir: string, options: Partial<Parameters<typeof startEmulator>[0]> = {}): Promise<Emulator> {
  return startEmulator({ ...DEFAULTS, dataDir: path.join(dir, 'data'), port: 0, host: '127.0.0.1', log: quiet, ...options });
}

type Phase = 'create' | 'unchanged' | 'update';
type Times = Record<Phase, { planApply: number[]; total: number[] }>;

/**
 * The 200-resource template created, reconciled unchanged, then every resource updated. `planApply` is the
 * reconcile itself (resolve, plan, apply, save the stack: the stack's lastReconcile.durationMs); `total` adds finding,
 * reading and parsing the file, as a save in watch mode does.
 */
async function planAndApply(): Promise<Times> {
  const times: Times = { create: { planApply: [], total: [] }, unchanged: { planApply: [], total: [] }, update: { planApply: [], total: [] } };
  for (let round = 0; round < ROUNDS; round++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'cogniform-bench-iac-'));
    const folder = path.join(dir, 'templates');
    await mkdir(folder);
    // Started on the empty folder, so that the create below is timed like every other reconcile.
    const emulator = await emulatorIn(dir, { templates: { paths: [folder], watch: false, stage: 'local', parameters: {} } });
    const run = async (description: string, into: Times[Phase]) => {
      await writeFile(path.join(folder, 'bench.yaml'), template(description));
      const started = performance.now();
      const report = await emulator.templates.reconcileAll();
      into.total.push(performance.now() - started);
      if (report.errors.length) throw new Error(report.errors.join('\n'));
      const [stack] = await listStacks(emulator.store);
      into.planApply.push(stack!.LastReconcile!.durationMs);
    };
    await run('first', times.create);
    await run('first', times.unchanged);
    await run('second', times.update);
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
    const line = (pick: (xs: Times[Phase]) => string) =>
      (['create', 'unchanged', 'update'] as const).map((phase) => `${phase} ${pick(times[phase])}`).join(', ');
    const last = (xs: Times[Phase]) => `${xs.planApply.at(-1)!.toFixed(0)} ms (with loading ${xs.total.at(-1)!.toFixed(0)} ms)`;
    if (round === 0) {
      // The first round warms the JIT and the disk cache; it is shown, not counted.
      console.log(`warm-up: ${line(last)}`);
      for (const phase of Object.values(times)) phase.planApply.pop(), phase.total.pop();
      continue;
    }
    console.log(`round ${round}/${ROUNDS - 1}: ${line(last)}`);
  }
  return times;
}

/** Watch mode: a save that adds a group to a small serverless-like template, until the reconcile reports it. */
async function saveToApplied(): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cogniform-bench-watch-'));
  const file = path.join(dir, 'app.yaml');
  const body = (n: number) => `Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: app\n` +
    `  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: web\n` +
    `  Group:\n    Type: AWS::Cognito::UserPoolGroup\n    Properties:\n      UserPoolId: !Ref Pool\n      GroupName: g${n}\n`;
  await writeFile(file, body(0));
  let waiting: ((line: string) => void) | undefined;
  const log = { info: (line: string) => waiting?.(line), error: (line: string) => console.error(line) };
  const emulator = await emulatorIn(dir, { log, templates: { paths: [file], watch: true, stage: 'local', parameters: {} } });
  const latencies: number[] = [];
  for (let n = 1; n <= SAVES; n++) {
    const applied = new Promise<void>((resolve) => (waiting = (line) => line.includes(`g${n}`) && resolve()));
    const started = performance.now();
    await writeFile(file, body(n));
    await applied;
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
  return latencies;
}

const machine = describeMachine();
console.log(`machine: ${machine.cpuModel}, ${machine.cpus} CPUs, Node ${process.version}`);
const times = await planAndApply();
const latencies = await saveToApplied();
console.log('\n| 200-resource template (LevelDB) | plan+apply median ms | min | max | with finding and parsing the file, median ms |');
console.log('|---|---|---|---|---|');
for (const [name, xs] of Object.entries(times)) {
  const p = xs.planApply;
  console.log(`| ${name} | ${median(p).toFixed(1)} | ${Math.min(...p).toFixed(1)} | ${Math.max(...p).toFixed(1)} | ${median(xs.total).toFixed(1)} |`);
}
console.log(`\nsave-to-applied over ${SAVES} saves: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
