// Runs the uvu suite and fails unless every registered test passed. uvu 0.5 swallows errors thrown in
// before/after hooks (lukeed/uvu#60, #80, #142): the file's tests just don't run and it still exits 0. Counting
// its own summary catches that. Ends with the plain "N passed, N failed" line CI reads.
// Usage: node --import tsx test/run.ts [folder] [pattern]
import { spawn } from 'node:child_process';

const [dir = 'test', pattern = '\\.test\\.ts$'] = process.argv.slice(2);
const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/uvu/bin.js', dir, pattern], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
});

let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString('utf8');
});

child.on('close', (code) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const count = (label: string) => Number(/\s(\d+)\s*$/.exec(plain.split('\n').find((l) => l.trim().startsWith(label)) ?? '')?.[1] ?? NaN);
  const total = count('Total:');
  const passed = count('Passed:');
  const skipped = count('Skipped:');
  const failed = Number.isNaN(total) ? 1 : total - passed;
  console.log(`${Number.isNaN(passed) ? 0 : passed} passed, ${failed} failed`);
  if (code !== 0 || failed !== 0 || Number.isNaN(total) || total === 0) process.exit(code || 1);
  if (skipped) {
    console.error(`${skipped} skipped test(s): a skipped test left behind is a defect.`);
    process.exit(1);
  }
});
