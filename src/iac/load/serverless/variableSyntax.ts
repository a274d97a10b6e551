// The syntax of Serverless Framework v3 variables, `${source:address, fallback, ...}`, as its parser reads it
// (serverless v3 lib/configuration/variables/parse.js, read in osls 3.77.1; docs: serverless.com/framework/docs/
// providers/aws/guide/variables). What decides that `${...}` is one of ours: the first source is a lower-case type
// followed by `:` or `(` (`${self:x}`, `${file(./a.yml)}`). Anything else (`${AWS::Region}`, `${Pool.Arn}`,
// `${stage}`) is "foreign" and stays as written, so Fn::Sub strings pass through untouched. `\${` escapes.

/** A piece of a string: literal text, or a variable to resolve. */
export type Segment = string | Variable;

export interface Variable {
  /** As written, `${env:X, 'd'}`, for messages. */
  text: string;
  /** The first choice, then the fallbacks in order. */
  sources: Source[];
}

export type Source =
  | { kind: 'literal'; value: string | number | boolean | null }
  | {
    kind: 'variable';
    /** `self`, `opt`, `sls`, `env`, `file`, `aws`, ... */
    type: string;
    /** `file(./a.yml)` → `['./a.yml']`; may hold variables themselves. */
    params: string[];
    /** The part after `:`, may hold variables (`custom.${opt:stage}`); undefined when there is no `:`. */
    address?: string;
  };

const TYPE = /^[a-z][a-zA-Z0-9]*$/;

/** Whether `text` holds a variable of ours (so that plain strings skip parsing). */
export function hasVariables(text: string): boolean {
  return text.includes('${') && parseSegments(text).some((segment) => typeof segment !== 'string');
}

/**
 * Splits `text` into literal text and variables. Throws Error with a reason (no position: the caller knows the
 * property) for an unterminated variable or a fallback that is neither a variable nor a literal.
 */
export function parseSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\${', i)) {
      literal += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      literal += text[i];
      i++;
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end < 0) throw new Error(`unterminated variable in "${text}"`);
    const body = text.slice(i + 2, end);
    const parts = splitTopLevel(body, ',');
    if (!startsWithVariableSource(parts[0]!.trim())) {
      // Foreign: kept as written, though variables nested inside (`${Foo${sls:stage}}`) are not ours to look for.
      literal += text.slice(i, end + 1);
    } else {
      if (literal) segments.push(literal);
      literal = '';
      segments.push({ text: text.slice(i, end + 1), sources: parts.map((part) => parseSource(part.trim(), text)) });
    }
    i = end + 1;
  }
  if (literal) segments.push(literal);
  return segments;
}

function startsWithVariableSource(source: string): boolean {
  const match = /^([a-zA-Z0-9.-]+)[:(]/.exec(source);
  return match !== null && TYPE.test(match[1]!);
}

function parseSource(source: string, text: string): Source {
  if (source.startsWith("'") && source.endsWith("'") && source.length >= 2) {
    return { kind: 'literal', value: source.slice(1, -1) };
  }
  if (source.startsWith('"')) {
    try {
      return { kind: 'literal', value: JSON.parse(source) as string };
    } catch {
      throw new Error(`invalid string literal ${source} in "${text}"`);
    }
  }
  if (source === 'true' || source === 'false') return { kind: 'literal', value: source === 'true' };
  if (source === 'null') return { kind: 'literal', value: null };
  if (source !== '' && !Number.isNaN(Number(source))) return { kind: 'literal', value: Number(source) };
  const head = /^([a-z][a-zA-Z0-9]*)(\(|:|$)/.exec(source);
  if (!head) throw new Error(`invalid variable source "${source}" in "${text}" (quote a literal default: '${source}')`);
  const type = head[1]!;
  let rest = source.slice(type.length);
  const params: string[] = [];
  if (rest.startsWith('(')) {
    const close = closingParen(rest);
    if (close < 0) throw new Error(`unterminated parameters in "${text}"`);
    params.push(...splitTopLevel(rest.slice(1, close), ',').map((param) => unquote(param.trim())).filter(Boolean));
    rest = rest.slice(close + 1).trim();
  }
  if (rest === '') return { kind: 'variable', type, params };
  if (!rest.startsWith(':')) throw new Error(`invalid variable address "${rest}" in "${text}"`);
  return { kind: 'variable', type, params, address: unquote(rest.slice(1).trim()) };
}

function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === "'" || text[0] === '"') && text.at(-1) === text[0]) return text.slice(1, -1);
  return text;
}

/** The index of the `}` closing a `${` whose body starts at `from`, skipping nested variables and quotes; or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      // A quote only opens a string literal where a source starts (after `${`, `,` or `(`), not inside an address.
      if (/[{,(]\s*$/.test(text.slice(from - 1, i))) quote = char;
    } else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (char === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function closingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `separator` outside quotes, parentheses and nested `${...}`. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if ((char === "'" || char === '"') && /(^|[,(])\s*$/.test(text.slice(start, i))) {
      quote = char;
    } else if (char === '(' || text.startsWith('${', i)) {
      depth++;
    } else if (char === ')' || char === '}') {
      depth--;
    } else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
