// The Serverless Framework's own compiled template against ours, for the same serverless.yml: `sls package` of
// osls (the maintained fork of Serverless Framework v3), installed once into test/.scratch/ (gitignored) and
// reused. Packaging calls no AWS API for this service, so any credentials do.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadServerless } from '../../../../src/iac/load/serverless/index.js';
import type { Template } from '../../../../src/iac/template.js';

/** Pinned so that the comparison is against known code; the newest 3.x when this test was written. */
const OSLS_VERSION = '3.77.1';
const SCRATCH = fileURLToPath(new URL('../../../.scratch/', import.meta.url));
const OSLS = path.join(SCRATCH, 'osls');
const FIXTURE = fileURLToPath(new URL('../../fixtures/serverless/package/', import.meta.url));

function ensureOsls(): string {
  const manifest = path.join(OSLS, 'node_modules/osls/package.json');
  if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== OSLS_VERSION) {
    mkdirSync(OSLS, { recursive: true });
    try {
      execFileSync('npm', ['install', '--prefix', OSLS, '--no-audit', '--no-fund', '--ignore-scripts', `osls@${OSLS_VERSION}`], {
        stdio: 'pipe', timeout: 180_000,
      });
    } catch (error) {
      throw new Error(`could not install osls@${OSLS_VERSION} into ${OSLS} (the npm registry is needed once): ${(error as Error).message}`);
    }
  }
  return path.join(OSLS, 'node_modules/osls/bin/serverless.js');
}

/** Runs `sls package --stage local` on a copy of the fixture; returns the update-stack template. */
async function frameworkTemplate(): Promise<Template> {
  const cli = ensureOsls();
  const work = mkdtempSync(path.join(SCRATCH, 'package-'));
  try {
    cpSync(FIXTURE, work, { recursive: true });
    const home = path.join(work, '.home');
    mkdirSync(home);
    await promisify(execFile)(process.execPath, [cli, 'package', '--stage', 'local'], {
      cwd: work,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH, HOME: home, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off',
        AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
      },
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`sls package failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    return JSON.parse(readFileSync(path.join(work, '.serverless/cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function ourTemplate(): Promise<Template> {
  const file = path.join(FIXTURE, 'serverless.yml');
  const loaded = await loadServerless(file, await readFile(file, 'utf8'), {
    stage: 'local', region: 'us-east-1', accountId: '000000000000', env: {},
    readFile: (other) => readFile(path.resolve(FIXTURE, other), 'utf8'),
  });
  return loaded.template;
}

// What the framework writes and cogniform does not: Lambda versions are named after the zipped code's hash.
const FRAMEWORK_ONLY = /LambdaVersion[0-9A-Za-z]+$|LambdaFunctionQualifiedArn$/;
// The deployment is named after the run there, after the API's methods here (see compileRestApi.ts).
const sameId = (id: string) => id.replace(/^ApiGatewayDeployment\d+$/, 'ApiGatewayDeployment<id>');

function byId<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).filter(([id]) => !FRAMEWORK_ONLY.test(id)).map(([id, value]) => [sameId(id), value]));
}

test('loadServerless: compiles the same template as `sls package` of Serverless Framework v3 (osls)', async () => {
  const [theirs, ours] = await Promise.all([frameworkTemplate(), ourTemplate()]);
  const theirResources = byId(theirs.Resources);
  const ourResources = byId(ours.Resources);
  const types = (resources: Map<string, { Type: string }>) => [...resources].map(([id, r]) => `${id} ${r.Type}`).sort();
  assert.equal(types(ourResources), types(theirResources));

  for (const [id, their] of theirResources) {
    const our = structuredClone(ourResources.get(id)!);
    if (their.Type === 'AWS::Lambda::Function') {
      // The code: a zip in the deployment bucket there, the service folder here (compileFunctions.ts).
      assert.equal(our.Properties!.Code, { S3Bucket: 'hot-reload', S3Key: FIXTURE.replace(/\/$/, '') }, id);
      our.Properties!.Code = their.Properties!.Code;
    }
    if (id === 'ApiGatewayDeployment<id>') {
      // Same methods, in another order.
      assert.equal([...our.DependsOn!].sort(), [...their.DependsOn!].sort(), id);
      our.DependsOn = their.DependsOn;
    }
    assert.equal(our, their, id);
  }
  assert.equal(byId(ours.Outputs!), byId(theirs.Outputs!));
});

test.run();
