import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';

// Deployment packages unpacked to run: each zip once, into `<cache>/<sha256 hex of the zip>/`, so the same code
// deployed again (a redeploy, a restart) costs nothing and a changed zip gets a folder of its own. A zip is written
// to a `.partial-*` folder and renamed into place, so a crash or a concurrent unpack never leaves a half folder
// under the name that is read. Entries with `..` or absolute paths are refused (zip slip).

/** Code as Lambda reports it: `CodeSha256` (base64 SHA-256 of the zip) and `CodeSize` (its bytes). */
export interface UnpackedCode {
  /** The folder the handler path is relative to. */
  dir: string;
  /** The folder's name under the cache: the zip's SHA-256, hex. */
  key: string;
  sha256: string;
  size: number;
}

/** What Lambda answers for a package it cannot open (UpdateFunctionCode, "Could not unzip uploaded file"). */
export class BadZipError extends Error {
  constructor() {
    super('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
}

export interface CodeCache {
  /** Unpacks `zip` unless it already is; throws BadZipError for a package that is not a safe zip. */
  unpack(zip: Uint8Array): Promise<UnpackedCode>;
  /** The folder of an unpacked zip, if it is (still) there. */
  folder(key: string): Promise<string | undefined>;
}

export function createCodeCache(root: string): CodeCache {
  const unpacking = new Map<string, Promise<UnpackedCode>>();

  async function unpackNow(zip: Uint8Array, key: string, code: UnpackedCode): Promise<UnpackedCode> {
    if (await isFolder(code.dir)) return code;
    const files = safeEntries(zip);
    await mkdir(root, { recursive: true });
    // Node finds a `.js` file's module type in the nearest package.json up the tree; on Lambda nothing sits above
    // /var/task. An empty one here stops the search before the user's project (which may say "type": "module").
    await writeFile(path.join(root, 'package.json'), '{}\n', { flag: 'wx' }).catch(() => {});
    const partial = path.join(root, `.partial-${randomBytes(8).toString('hex')}`);
    try {
      for (const [name, data] of files) {
        const target = path.join(partial, name);
        if (name.endsWith('/')) await mkdir(target, { recursive: true });
        else {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, data);
        }
      }
      await mkdir(partial, { recursive: true });
      await rename(partial, code.dir);
    } catch (error) {
      // Another process renamed the same zip into place first: its folder is as good as ours.
      if (!(await isFolder(code.dir))) throw error;
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
    return code;
  }

  return {
    unpack(zip) {
      const hash = createHash('sha256').update(zip);
      const key = hash.copy().digest('hex');
      const code: UnpackedCode = { dir: path.join(root, key), key, sha256: hash.digest('base64'), size: zip.byteLength };
      let running = unpacking.get(key);
      if (!running) {
        running = unpackNow(zip, key, code).finally(() => unpacking.delete(key));
        unpacking.set(key, running);
      }
      return running;
    },
    async folder(key) {
      const dir = path.join(root, key);
      return (await isFolder(dir)) ? dir : undefined;
    },
  };
}

/** The zip's entries, names checked: relative, inside the package, no `..` segment. */
function safeEntries(zip: Uint8Array): Array<[string, Uint8Array]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    throw new BadZipError();
  }
  return Object.entries(entries).map(([name, data]) => {
    const parts = name.replaceAll('\\', '/').split('/');
    if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || parts.includes('..')) throw new BadZipError();
    return [parts.filter((part) => part !== '' && part !== '.').join('/') + (name.endsWith('/') ? '/' : ''), data];
  });
}

async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * CloudFormation's `Code.ZipFile`: "CloudFormation places it in a file named index and zips it" (AWS::Lambda::Function
 * Code, ZipFile), `index.js` for Node.js runtimes. The zip is built with a fixed time so that the same source is
 * the same package (and CodeSha256) on every reconcile.
 */
export function inlineSourceZip(source: string): Uint8Array {
  return zipSync({ 'index.js': [new TextEncoder().encode(source), { mtime: new Date('1980-01-01T00:00:00Z') }] });
}
