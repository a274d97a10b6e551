import { emulator } from './api.js';
import { errorBox, h } from './dom.js';
import { inboxView } from './inbox.js';
import { poolsView, poolView } from './pools.js';
import { routesView } from './routes.js';
import { stacksView } from './stacks.js';
import { tokensView } from './tokens.js';
import { usersView, userView } from './users.js';

// Hash navigation (#/pools/<id>, #/users/<pool>/<user>, ...): every view has an address that can be bookmarked,
// shared and reloaded, and the server serves one page for all of them.

const ROUTES = [
  [/^\/pools$/, poolsView],
  [/^\/pools\/([^/]+)$/, poolView],
  [/^\/users\/([^/]+)$/, usersView],
  [/^\/users\/([^/]+)\/([^/]+)$/, userView],
  [/^\/inbox$/, inboxView],
  [/^\/tokens$/, tokensView],
  [/^\/stacks$/, stacksView],
  [/^\/routes$/, routesView],
];

const main = document.getElementById('view');
let current;

/** Shows the view the hash names; the one before stops its work (timers, requests) first. */
async function show() {
  const [path, search = ''] = (location.hash.slice(1) || '/pools').split('?');
  current?.stop();
  const context = {
    params: [],
    query: Object.fromEntries(new URLSearchParams(search)),
    cleanups: [],
    stopped: false,
    /** Runs `fn` when the operator leaves the view (at once if they left while it was loading). */
    onLeave(fn) {
      if (this.stopped) fn();
      else this.cleanups.push(fn);
    },
    stop() {
      this.stopped = true;
      for (const fn of this.cleanups) fn();
    },
    /** Shows the current address again (after a change the view made). */
    refresh: () => show(),
  };
  current = context;
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  const section = path.split('/')[1];
  for (const a of document.querySelectorAll('nav a')) {
    const active = a.dataset.section === section || (section === 'users' && a.dataset.section === 'pools');
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    if (!found) content = h('section', {}, h('h1', {}, 'Not found'), h('p', {}, 'No view has this address. ', h('a', { href: '#/pools' }, 'See the pools.')));
    else {
      context.params = found[0].exec(path).slice(1).map(decodeURIComponent);
      content = await found[1](context);
    }
  } catch (error) {
    content = h('section', {}, h('h1', {}, 'Error'), errorBox(error));
  }
  if (context.stopped) return;
  main.replaceChildren(content);
  main.removeAttribute('aria-busy');
  const title = main.querySelector('h1')?.textContent;
  document.title = title ? `${title} · cogniform` : 'cogniform';
}

addEventListener('hashchange', show);
show();
emulator('health').then(
  (health) => (document.getElementById('version').textContent = `v${health.version}`),
  () => {},
);
