import { emulator } from './api.js';
import { facts, h, link, route, table, time } from './dom.js';

// The stacks the templates made, with their last reconcile: when, how long, what changed and, when it failed,
// the error as `<file>:<line>:<col> <reason>` (DESIGN.md §3 "template errors"), the place set apart.

const CHANGES = [['created', '+'], ['updated', '~'], ['replaced', '±'], ['deleted', '-'], ['unchanged', '=']];
const SIGNS = { create: '+', update: '~', replace: '±', delete: '-' };

/** A template error line split into its place and its reason; other errors as they are. */
function errorOf(message) {
  return h('div', { class: 'error', role: 'alert' }, message.split('\n').map((line) => {
    const placed = /^(.+?:\d+:\d+) ([^]*)$/.exec(line);
    return h('p', {}, placed ? [h('code', { class: 'place' }, placed[1]), ' ', placed[2]] : line);
  }));
}

const physical = (resource) => resource.type === 'AWS::Cognito::UserPool' && resource.physicalId
  ? link(route('pools', resource.physicalId), resource.physicalId)
  : h('code', {}, resource.physicalId ?? '');

function stackView(stack) {
  const last = stack.lastReconcile;
  return h('article', { class: 'stack', 'aria-label': stack.name },
    h('h2', {}, stack.name, ' ', h('span', { class: 'status', 'data-status': stack.status }, stack.status)),
    facts([
      ['Source', h('code', {}, stack.source)],
      ['Last reconcile', last ? h('span', {}, time(last.at), ` in ${last.durationMs} ms`) : 'never'],
      ['Changes', last ? CHANGES.map(([name, sign]) => `${sign}${last.changes?.[name] ?? 0} ${name}`).join('  ') : undefined],
    ]),
    last?.error ? errorOf(last.error) : null,
    // The diff, resource by resource, when the record has it (the unchanged ones are only counted).
    last?.resources?.length
      ? h('ul', { class: 'diff', 'aria-label': 'Changed resources' }, last.resources.map((r) =>
        h('li', { 'data-action': r.action }, h('code', {}, `${SIGNS[r.action] ?? '?'} ${r.logicalId}`), ` ${r.type}`)))
      : null,
    h('h3', {}, 'Outputs'),
    table(['Key', 'Value'], Object.entries(stack.outputs ?? {}).map(([key, value]) => [key, h('code', {}, value)]), 'No outputs.'),
    h('h3', {}, 'Resources'),
    table(['Logical id', 'Type', 'Physical id', 'Status'], stack.resources.map((r) => [r.logicalId, r.type, physical(r), r.status]), 'No resources.'));
}

export async function stacksView() {
  const { stacks } = await emulator('stacks');
  return h('section', {},
    h('h1', {}, 'Stacks'),
    stacks.length ? stacks.map(stackView) : h('p', { class: 'muted' }, 'No stacks: start cogniform with a template, or deploy one.'));
}
