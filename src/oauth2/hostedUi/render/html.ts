import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The one way text reaches a page: every value is escaped unless it is already Html (made by `html` below, whose
// interpolations are escaped in turn), so a `state`, a username or a trigger's message can never become markup.

const HTML_BRAND: unique symbol = Symbol('html');

/** Markup that is safe to insert as is. */
export interface Html {
  readonly [HTML_BRAND]: string;
}

export type Value = string | number | Html | Html[] | undefined;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const trusted = (markup: string): Html => ({ [HTML_BRAND]: markup });

function markupOf(value: Value): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map(markupOf).join('');
  if (typeof value === 'object') return value[HTML_BRAND];
  return escape(String(value));
}

/** A fragment of markup: the literal parts as written, every interpolated value escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return trusted(strings.reduce((out, part, i) => out + markupOf(values[i - 1]) + part));
}

/** Text for inside a <style> element: CSS cannot be HTML-escaped, but no `<` means no `</style>` to break out. */
export function styleText(css: string): Html {
  return trusted(css.replace(/</g, '\\3C '));
}

export const toString = (value: Html): string => value[HTML_BRAND];

/**
 * The folder of the pages' HTML and stylesheet, at the package's top level (package.json ships it beside dist/):
 * the nearest templates/ above this module, which sits at src/oauth2/hostedUi/render or dist/src/oauth2/hostedUi/render.
 */
function templatesFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'templates', 'layout.html'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cogniform: the templates/ folder of the hosted UI is missing.');
    dir = parent;
  }
  return path.join(dir, 'templates');
}

let folder: string | undefined;
const cache = new Map<string, string>();

export function templateText(file: string): string {
  let text = cache.get(file);
  if (text === undefined) cache.set(file, (text = readFileSync(path.join((folder ??= templatesFolder()), file), 'utf8')));
  return text;
}

/** templates/<name>.html with each `{{key}}` replaced by its value, escaped unless Html; an unknown key is a bug. */
export function render(name: string, values: Record<string, Value>): Html {
  return trusted(
    templateText(`${name}.html`).replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      if (!(key in values)) throw new Error(`templates/${name}.html: no value for {{${key}}}`);
      return markupOf(values[key]);
    }),
  );
}
