import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { templateFiles } from '../../src/iac/sources.js';

// Which files a folder given to `cogniform start` stands for (DESIGN.md §3 "folders").

test('templateFiles: a folder\'s templates, a one-line JSON template among them; other YAML and JSON left out', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cogniform-sources-'));
  try {
    const template = { Resources: { Pool: { Type: 'AWS::Cognito::UserPool' } } };
    await writeFile(path.join(dir, 'minified.json'), JSON.stringify(template));
    await writeFile(path.join(dir, 'pretty.json'), JSON.stringify(template, null, 2));
    await writeFile(path.join(dir, 'auth.yaml'), 'Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n');
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', scripts: { Resources: 'no' } }));
    await writeFile(path.join(dir, 'config.yaml'), 'name: not a template\n');
    const files = (await templateFiles([dir])).map((file) => path.basename(file));
    assert.equal(files, ['auth.yaml', 'minified.json', 'pretty.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
