// Reads YAML (and JSON, which YAML 1.2 parses as well) into plain values plus a table of where each part was
// written, so that every later error can say `file:line:col`. CloudFormation's short-form tags become long form
// here, once (as aws-cdk's CfnParser does), so nothing downstream ever sees a tag.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import { TemplateError, type PropertyPath, type SourceLocation } from '../template.js';

/** A parsed YAML or JSON file: the value and where each of its parts was written. */
export interface YamlDocument {
  value: unknown;
  /** The position of `path`: its own when known, else its nearest ancestor's, else 1:1. */
  locate(path: PropertyPath): SourceLocation;
}

// The short forms CloudFormation documents, with the long form each stands for.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    ['GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'ImportValue',
      'Base64', 'GetAZs', 'Cidr', 'Transform', 'ToJsonString', 'Length']
      .map((name) => [`!${name}`, `Fn::${name}`]),
  ),
};

// Each tag is declared for scalars, sequences and maps alike and left as written: the conversion happens in
// toValue() below, where the node's position is at hand. Declaring them keeps yaml from warning about them.
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (source: string) => source },
  { tag, collection: 'seq' as const },
  { tag, collection: 'map' as const },
]);

/** Parses `text` (YAML or JSON). Throws TemplateError at the first syntax error or unknown `!Tag`. */
export function parseYamlDocument(file: string, text: string): YamlDocument {
  const lineCounter = new LineCounter();
  // The core schema keeps `2010-09-09` a string (YAML 1.1 would make it a date); merge keys as js-yaml allows.
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter, prettyErrors: false, merge: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problem = doc.errors[0] ?? doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const reason = problem.code === 'TAG_RESOLVE_FAILED'
      ? `${problem.message} (CloudFormation's short forms are ${Object.keys(SHORT_FORMS).join(', ')})`
      : problem.code === 'MULTIPLE_DOCS'
        ? 'invalid YAML: a template is one document, this file holds several (separated by ---)'
        : problem.code === 'MULTIPLE_TAGS'
          // As CloudFormation's docs say: a short form cannot hold another directly (`!Base64 !Sub ...`).
          ? 'invalid YAML: a node can have one tag only; write the inner function in long form, e.g. !Base64 { "Fn::Sub": "..." }'
          : `invalid YAML: ${problem.message}`;
    throw new TemplateError(at(problem.pos[0]), reason);
  }
  const offsets = new Map<string, number>();
  const value = toValue(doc, doc.contents, [], offsets, new Set());
  return {
    value,
    locate(path) {
      for (let length = path.length; length >= 0; length--) {
        const offset = offsets.get(key(path.slice(0, length)));
        if (offset !== undefined) return at(offset);
      }
      return { file, line: 1, column: 1 };
    },
  };
}

function key(path: PropertyPath): string {
  return JSON.stringify(path);
}

/** The plain value of `node`, recording where each path starts (a map entry at its key, anything else at itself). */
function toValue(doc: Document, node: Node | null, path: PropertyPath, offsets: Map<string, number>,
  aliases: Set<Node>): unknown {
  if (node === null) return null;
  if (node.range && !offsets.has(key(path))) offsets.set(key(path), node.range[0]);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    // yaml itself refuses an alias to an anchor that is not defined yet, so a cycle cannot occur; the set only
    // guards against a document built by hand.
    if (!target || aliases.has(target)) return null;
    return toValue(doc, target, path, offsets, new Set([...aliases, target]));
  }
  const longForm = typeof node.tag === 'string' ? SHORT_FORMS[node.tag] : undefined;
  if (longForm) {
    const inner = [...path, longForm];
    const argument = plain(doc, node, inner, offsets, aliases);
    // `!GetAtt Pool.Arn` is the list form split at the first dot: the attribute itself may hold dots.
    if (longForm === 'Fn::GetAtt' && typeof argument === 'string' && argument.includes('.')) {
      const dot = argument.indexOf('.');
      return { [longForm]: [argument.slice(0, dot), argument.slice(dot + 1)] };
    }
    return { [longForm]: argument };
  }
  return plain(doc, node, path, offsets, aliases);
}

function plain(doc: Document, node: Node, path: PropertyPath, offsets: Map<string, number>, aliases: Set<Node>): unknown {
  if (node.range && !offsets.has(key(path))) offsets.set(key(path), node.range[0]);
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item, i) => toValue(doc, item as Node | null, [...path, i], offsets, aliases));
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      // With `merge`, yaml turns an unquoted `<<` key into a symbol.
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        mergeInto(object, toValue(doc, valueNode, path, offsets, aliases));
        continue;
      }
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const child = [...path, name];
      if (keyNode?.range) offsets.set(key(child), keyNode.range[0]);
      object[name] = toValue(doc, valueNode, child, offsets, aliases);
    }
    return object;
  }
  return null;
}

/** `<<: *base` (or a list of them): keys written in the map itself win, earlier sources win over later ones. */
function mergeInto(object: Record<string, unknown>, source: unknown): void {
  for (const part of Array.isArray(source) ? source : [source]) {
    if (typeof part !== 'object' || part === null) continue;
    for (const [name, value] of Object.entries(part)) if (!(name in object)) object[name] = value;
  }
}
