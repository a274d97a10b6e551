import { readFile } from 'node:fs/promises';
import { StateFileError } from './format.js';

/** A state file's JSON, or a StateFileError that names the file and what is wrong with it. */
export async function readStateFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StateFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${file} is not JSON: ${(error as Error).message}`);
  }
}
