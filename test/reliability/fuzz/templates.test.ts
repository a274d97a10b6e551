import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { readStack } from '../../../src/iac/stacks/stackRecord.js';
import { TemplateError } from '../../../src/iac/template.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { differences, Figures, params, snapshot } from './harness.js';

// Broken templates: random mutations of the fixtures (truncation, swapped or unknown tags, values of the wrong type,
// self-references, huge values, deleted lines). Loading one gives a template or a TemplateError with file:line:col,
// never another exception; reconciling one either applies or reports `<file>:<line>:<col> <reason>` and leaves the
// stack's resources exactly as the last good reconcile left them (no half-applied stack): refused before its first
// change, or rolled back to the last good template (UPDATE_ROLLBACK_COMPLETE; a record updated and put back differs
// only in its LastModifiedDate and the order of its fields).

const FIXTURES = 'test/iac/fixtures/cloudformation';
const LOCATED = /^[^\s]+:\d+:\d+ \S/;

const mutation = (text: string): fc.Arbitrary<{ label: string; text: string }> => {
  const lines = text.split('\n');
  const at = fc.integer({ min: 0, max: Math.max(0, lines.length - 1) });
  const edit = (label: string, arbitrary: fc.Arbitrary<string[]>) => arbitrary.map((changed) => ({ label, text: changed.join('\n') }));
  return fc.oneof(
    fc.integer({ min: 0, max: text.length }).map((cut) => ({ label: `truncated at ${cut}`, text: text.slice(0, cut) })),
    edit('line deleted', at.map((i) => lines.filter((_, j) => j !== i))),
    edit('tag swapped', fc.tuple(at, fc.constantFrom('!Ref', '!GetAtt', '!Sub', '!If', '!Join', '!Select', '!FindInMap', '!Nope', '!!binary', '!Condition')).map(([i, tag]) =>
      lines.map((l, j) => (j === i ? l.replace(/!\w+|: /, (m) => (m === ': ' ? `: ${tag} ` : tag)) : l)))),
    edit('wrong type', fc.tuple(at, fc.constantFrom('[]', '{}', '42', 'true', 'null', '~', '[[[[', '{a: [}', '"\\u0000"')).map(([i, v]) =>
      lines.map((l, j) => (j === i ? l.replace(/:\s.*$/, `: ${v}`) : l)))),
    edit('self-reference', at.map((i) => lines.map((l, j) => (j === i ? l.replace(/:\s.*$/, ': !GetAtt Pool.Arn') : l)))),
    edit('huge value', fc.tuple(at, fc.integer({ min: 1_000, max: 300_000 })).map(([i, n]) => lines.map((l, j) => (j === i ? l.replace(/:\s.*$/, `: ${'x'.repeat(n)}`) : l)))),
    edit('indentation broken', at.map((i) => lines.map((l, j) => (j === i ? `   ${l}` : l)))),
    edit('anchor loop', at.map((i) => [...lines.slice(0, i), 'Loop: &a [*a]', ...lines.slice(i)])),
  );
};

/** A record as JSON with sorted keys and without LastModifiedDate; anything else as it is. */
function comparable(value: string): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'LastModifiedDate').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)]))
        : v;
  try {
    return JSON.stringify(sorted(JSON.parse(value)));
  } catch {
    return value;
  }
}

test('loadCloudFormation: mutated fixtures load or fail with a TemplateError at file:line:col, nothing else', async () => {
  const figures = new Figures('template loads');
  const files = (await readdir(FIXTURES)).filter((f) => /\.(ya?ml|json)$/.test(f));
  let inputs = 0;
  for (const name of files) {
    const file = `${FIXTURES}/${name}`;
    const text = await readFile(file, 'utf8');
    fc.assert(
      fc.property(mutation(text), ({ text: broken }) => {
        inputs++;
        try {
          loadCloudFormation(file, broken);
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error;
          assert.match(error.message, LOCATED);
        }
      }),
      params(15),
    );
  }
  figures.report(`${files.length} fixtures, ${inputs} templates`);
});

test('reconcile: a mutated template applies, or reports file:line:col and keeps the last good state', async () => {
  const figures = new Figures('template reconciles');
  const dir = await mkdtemp(path.join(tmpdir(), 'cogniform-fuzz-'));
  const file = path.join(dir, 'app.yaml');
  const good = await readFile('test/iac/fixtures/reconcile/app.yaml', 'utf8');
  await writeFile(file, good);
  const emulator = await startTestEmulator({ templates: { paths: [dir], watch: false, stage: 'local', parameters: {} } });
  // The stack's own records note each reconcile (time, error, template), so they are left out of "the resources are
  // unchanged"; so are a record's modification time and the order of its fields, which an update and its rollback move.
  const own = /^!(stacks|appliedTemplates)!/;
  const resources = async () => new Map([...(await snapshot(emulator))].filter(([key]) => !own.test(key)).map(([key, value]) => [key, comparable(value)]));
  const status = async () => (await readStack(emulator.store, 'app'))!;
  let failed = 0;
  let rolledBack = 0;
  try {
    assert.equal((await emulator.templates.reconcileAll()).errors, []);
    await fc.assert(
      fc.asyncProperty(mutation(good), async ({ label, text }) => {
        figures.requests++;
        const before = await resources();
        await writeFile(file, text);
        const { errors } = await emulator.templates.reconcileAll();
        if (errors.length) {
          failed++;
          for (const line of errors) assert.match(line, LOCATED, `${label}: ${line}`);
          const stack = await status();
          if (stack.Status === 'UPDATE_ROLLBACK_COMPLETE') {
            rolledBack++;
            assert.match(stack.LastReconcile!.error!, LOCATED, `${label}: ${stack.LastReconcile!.error}`);
          } else assert.ok(['UPDATE_COMPLETE', 'CREATE_COMPLETE'].includes(stack.Status), `${label}: ${stack.Status}`);
          { const changed = differences(before, await resources()); assert.equal(changed, [], `${label}: ${errors.join("; ")}: ${changed.slice(0, 8).join(", ")}`); }
        }
        await writeFile(file, good);
        assert.equal((await emulator.templates.reconcileAll()).errors, [], `${label}: the good template no longer applies`);
      }),
      params(15),
    );
  } finally {
    figures.report(`${failed} refused, ${rolledBack} of them rolled back`);
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
