import { constraint, serialization } from './errors.js';

/**
 * A request body read member by member: a member of the wrong JSON type is a SerializationException, a missing
 * required one the ValidationException AWS answers, and lengths are checked against the SSM model's bounds.
 */
export class Input {
  private constructor(private readonly body: Record<string, unknown>) {}

  static of(body: unknown): Input {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw serialization('(request)', 'JSON object');
    return new Input(body as Record<string, unknown>);
  }

  string(member: string, bounds: { min?: number; max?: number }): string | undefined {
    const value = this.typed(member, 'string');
    if (value === undefined) return undefined;
    const text = value as string;
    if (text.length < (bounds.min ?? 1)) {
      throw constraint(member, text, `Member must have length greater than or equal to ${bounds.min ?? 1}`);
    }
    if (bounds.max !== undefined && text.length > bounds.max) throw constraint(member, text, `Member must have length less than or equal to ${bounds.max}`);
    return text;
  }

  requiredString(member: string, bounds: { min?: number; max?: number }): string {
    const value = this.string(member, bounds);
    if (value === undefined) throw constraint(member, null, 'Member must not be null');
    return value;
  }

  boolean(member: string): boolean {
    return (this.typed(member, 'boolean') as boolean | undefined) ?? false;
  }

  integer(member: string, min: number, max: number): number | undefined {
    const value = this.typed(member, 'number') as number | undefined;
    if (value === undefined) return undefined;
    if (!Number.isInteger(value)) throw serialization(member, 'integer');
    if (value < min) throw constraint(member, value, `Member must have value greater than or equal to ${min}`);
    if (value > max) throw constraint(member, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  requiredStrings(member: string, count: { min: number; max: number }, item: { max: number }): string[] {
    const value = this.body[member];
    if (value === undefined || value === null) throw constraint(member, null, 'Member must not be null');
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw serialization(member, 'list of strings');
    const items = value as string[];
    if (items.length < count.min) throw constraint(member, items, `Member must have length greater than or equal to ${count.min}`);
    if (items.length > count.max) throw constraint(member, items, `Member must have length less than or equal to ${count.max}`);
    const bad = items.find((v) => v.length < 1 || v.length > item.max);
    if (bad !== undefined) {
      throw constraint(member, items, `Member must satisfy constraint: [Member must have length less than or equal to ${item.max}, Member must have length greater than or equal to 1]`);
    }
    return items;
  }

  private typed(member: string, type: 'string' | 'boolean' | 'number'): unknown {
    const value = this.body[member];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== type) throw serialization(member, type);
    return value;
  }
}
