// The console's only way to make DOM. Data becomes text nodes (Node.append of a string), never markup: user
// attributes, stack errors and route paths are other people's strings. The page's Content-Security-Policy
// (src/console/index.ts) also forbids every HTML sink through Trusted Types, so a slip here fails loudly.

/** Links only to the console's own views or to plain web addresses: never `javascript:` or `data:`. */
const SAFE_HREF = /^(#|\/|https?:\/\/)/i;

/**
 * `h('a', { href: '#/pools', class: 'x', onclick: fn }, 'text', child)`: attributes as given (`on*` become
 * listeners, false/null/undefined are left out), children appended as nodes or as text.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'href' && !SAFE_HREF.test(String(value))) continue;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** `#/users/<pool>/<user>` from its parts, each encoded (a username may hold `/`, `?` or `#`). */
export const route = (...parts) => `#/${parts.map((p) => encodeURIComponent(p)).join('/')}`;

/** A link to a view, or just the text when there is nowhere to go. */
export const link = (href, text) => (href ? h('a', { href }, text) : text);

/** A table: header labels and rows of cells (nodes or text); `empty` when there are no rows. */
export function table(headers, rows, empty = 'None.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, headers.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

/** A definition list of [term, value] pairs; pairs whose value is missing are left out. */
export function facts(pairs) {
  return h('dl', { class: 'facts' },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A time from an AWS JSON timestamp (epoch seconds), epoch milliseconds or an ISO string, shown in UTC. */
export function time(value, unit = 'seconds') {
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'number' ? new Date(unit === 'seconds' ? value * 1000 : value) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return h('time', { datetime: date.toISOString(), title: date.toString() }, date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
}

/** An error as the API gave it: the AWS error type and its message. */
export const errorBox = (error) =>
  h('p', { class: 'error', role: 'alert' }, error.type ? `${error.type}: ${error.message}` : String(error.message ?? error));

/**
 * Asks before a change that cannot be undone from here; resolves true when the operator confirms. A <dialog>
 * of the page's own, not window.confirm, so it can say what will happen and be styled and tested like the rest.
 */
export function confirmAction(question, action) {
  return new Promise((resolve) => {
    const close = (answer) => () => dialog.close(answer);
    const dialog = h('dialog', { class: 'confirm', 'aria-label': action },
      h('p', {}, question),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: close('cancel') }, 'Cancel'),
        h('button', { type: 'button', class: 'danger', onclick: close('ok') }, action)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
