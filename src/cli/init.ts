import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// templates/ is two levels above src/cli/ when run from source and three above dist/src/cli/ when built.
function starterDir(): string {
  for (const relative of ['../../templates/starter', '../../../templates/starter']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('templates/starter is missing from this installation of cogniform');
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    found.push(...(entry.isDirectory() ? await filesUnder(dir, relative) : [relative]));
  }
  return found;
}

/** A serverless service name from the folder's (letters, digits and hyphens, starting with a letter). */
export function serviceName(dir: string): string {
  const name = path.basename(path.resolve(dir)).replace(/[^A-Za-z0-9-]+/g, '-').replace(/^[^A-Za-z]+|-+$/g, '');
  return name || 'app';
}

/**
 * `cogniform init [DIR]`: writes templates/starter (serverless.yml and its handlers) into DIR, the service named
 * after DIR. Refuses, writing nothing, when any of those files exists already.
 */
export async function init(dir = '.'): Promise<number> {
  const source = starterDir();
  const files = await filesUnder(source);
  const existing = files.filter((file) => existsSync(path.join(dir, file)));
  if (existing.length) {
    console.error(`cogniform: init: ${existing.map((f) => path.join(dir, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written.`);
    return 1;
  }
  const service = serviceName(dir);
  for (const file of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    const text = (await readFile(path.join(source, file), 'utf8')).replaceAll('__SERVICE__', service);
    await writeFile(target, text, { flag: 'wx' });
    console.log(`wrote ${target}`);
  }
  console.log(`\nnext: cogniform start ${dir}   (or: serverless deploy --stage local against a running cogniform)`);
  return 0;
}
