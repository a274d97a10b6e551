import { existsSync, readFileSync } from 'node:fs';

// package.json is one level above src/ when run from source and two above dist/src/ when built.
function findManifest(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  return '{"version":"0.0.0"}';
}

export const VERSION = (JSON.parse(findManifest()) as { version: string }).version;
