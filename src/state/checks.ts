import type { TableSpec } from '../store/store.js';

// The checks a state file goes through before an import writes anything (format.ts validateState).

/** A state file that is not one, or not one this version reads; the message names the field. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** `holder[field]`, which must be a list; `at` names it in the message. */
export function list(holder: object, field: string, at: string): unknown[] {
  const value = (holder as Record<string, unknown>)[field];
  if (!Array.isArray(value)) throw new StateFileError(`${at} is missing (expected a list).`);
  return value;
}

/**
 * Each record must give its table a key and index entries (what the store will compute when writing it), and name
 * the pool it is listed under in `owner.field`.
 */
export function checkRecords<T>(at: string, items: unknown[], spec: TableSpec<T>, owner?: { field: string; id: string }): void {
  items.forEach((item, i) => {
    const where = `${at}[${i}]`;
    if (typeof item !== 'object' || item === null) throw new StateFileError(`${where} is not an object.`);
    if (owner && (item as Record<string, unknown>)[owner.field] !== owner.id) {
      throw new StateFileError(`${where}.${owner.field} must be "${owner.id}", the pool it is listed under.`);
    }
    let parts: readonly string[];
    try {
      parts = spec.key(item as T);
      for (const index of Object.values(spec.indexes ?? {})) index(item as T).flat().forEach(mustBeString);
    } catch {
      throw new StateFileError(`${where} is missing a field its ${spec.name} record needs.`);
    }
    if (!parts.every((part) => typeof part === 'string' && part !== '')) {
      throw new StateFileError(`${where} is missing a key field of its ${spec.name} record.`);
    }
  });
}

function mustBeString(part: unknown): void {
  if (typeof part !== 'string') throw new TypeError('not a string');
}
