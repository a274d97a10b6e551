import { InvalidParameterException } from './errors.js';

/**
 * Collects the model's length, pattern, range and enum violations of one request and reports them the way
 * AWS does: "2 validation errors detected: Value 'x' at 'poolName' failed to satisfy constraint: ...; ...".
 * Paths are the lowerCamelCase member names AWS prints.
 */
export class Constraints {
  private readonly violations: string[] = [];

  length(path: string, value: string | unknown[] | undefined, min: number, max?: number, sensitive = false): this {
    if (value === undefined) return this;
    if (value.length < min) this.fail(path, value, `Member must have length greater than or equal to ${min}`, sensitive);
    else if (max !== undefined && value.length > max) {
      this.fail(path, value, `Member must have length less than or equal to ${max}`, sensitive);
    }
    return this;
  }

  pattern(path: string, value: string | undefined, pattern: string, sensitive = false): this {
    if (value === undefined) return this;
    if (!new RegExp(`^(?:${pattern})$`, 'u').test(value)) {
      this.fail(path, value, `Member must satisfy regular expression pattern: ${pattern}`, sensitive);
    }
    return this;
  }

  range(path: string, value: number | undefined, min: number, max: number): this {
    if (value === undefined) return this;
    if (value < min) this.fail(path, value, `Member must have value greater than or equal to ${min}`);
    else if (value > max) this.fail(path, value, `Member must have value less than or equal to ${max}`);
    return this;
  }

  oneOf(path: string, value: string | undefined, allowed: readonly string[]): this {
    if (value !== undefined && !allowed.includes(value)) {
      this.fail(path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
    return this;
  }

  /**
   * Each item of a list against the enum. AWS reports the whole list once: "Value '[code, token]' at
   * 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum
   * value set: [implicit, client_credentials, code]]" (quoted in awsdocs/aws-cloudformation-user-guide#563, #525).
   */
  eachOneOf(path: string, values: readonly string[] | undefined, allowed: readonly string[]): this {
    if (values?.some((value) => !allowed.includes(value))) {
      this.fail(path, values, `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`);
    }
    return this;
  }

  throwIfAny(): void {
    const n = this.violations.length;
    if (n) {
      throw new InvalidParameterException(
        `${n} validation error${n > 1 ? 's' : ''} detected: ${this.violations.join('; ')}`,
      );
    }
  }

  private fail(path: string, value: unknown, rule: string, sensitive = false): void {
    const shown = sensitive ? '' : ` '${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}'`;
    this.violations.push(`Value${shown} at '${path}' failed to satisfy constraint: ${rule}`);
  }
}

/** Patterns of the Cognito model (AWS API reference, "Pattern" of each type). */
export const PATTERNS = {
  userPoolId: '[\\w-]+_[0-9a-zA-Z]+',
  clientId: '[\\w+]+',
  poolName: '[\\w\\s+=,.@-]+',
  clientName: '[\\w\\s+=,.@-]+',
  groupName: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  username: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  arn: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  paginationKey: '[\\S]+',
} as const;
