import { emulator } from './api.js';
import { errorBox, h, link, route, table, time } from './dom.js';

// The codes and temporary passwords cogniform "sent" (GET /_cogniform/codes), newest first, polled every second
// while the view is open: a sign-up in another tab shows its code here without a reload.

const POLL_MS = 1000;

export async function inboxView(context) {
  const filter = new URLSearchParams({ limit: '200' });
  if (context.query.pool) filter.set('userPoolId', context.query.pool);
  if (context.query.user) filter.set('username', context.query.user);
  const list = h('div', { 'aria-live': 'polite' });
  const updated = h('p', { class: 'muted' });
  let shown = '';
  const seen = new Set();
  let first = true;

  const render = (codes) => {
    const signature = JSON.stringify(codes);
    if (signature === shown) return;
    shown = signature;
    const rows = codes.map((c) => {
      const id = `${c.createdAt} ${c.userPoolId} ${c.username} ${c.kind} ${c.code}`;
      const fresh = !first && !seen.has(id);
      seen.add(id);
      return [
        time(c.createdAt), c.kind, link(route('users', c.userPoolId, c.username), c.username),
        link(route('pools', c.userPoolId), c.userPoolId), c.destination ?? '',
        h('code', { class: fresh ? 'code fresh' : 'code' }, c.code), c.subject ?? '',
      ];
    });
    first = false;
    list.replaceChildren(table(['Sent', 'Kind', 'User', 'Pool', 'To', 'Code', 'Subject'], rows, 'No codes sent yet.'));
  };

  const poll = async () => {
    try {
      const { codes } = await emulator(`codes?${filter}`);
      if (context.stopped) return;
      render(codes);
      updated.textContent = `Live: checked ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (!context.stopped) updated.replaceChildren(errorBox(error));
    }
  };
  // One request at a time, the next a second after the last answer; a hidden tab skips its turns (nobody is looking).
  let timer;
  const loop = async () => {
    if (!document.hidden) await poll();
    if (!context.stopped) timer = setTimeout(loop, POLL_MS);
  };
  await poll();
  timer = setTimeout(loop, POLL_MS);
  context.onLeave(() => clearTimeout(timer));
  return h('section', {},
    h('h1', {}, 'Inbox'),
    h('p', {}, 'Every code and temporary password cogniform sent, newest first.',
      context.query.pool || context.query.user ? [' Showing ', [context.query.pool, context.query.user].filter(Boolean).join(' / '), ' only (', link('#/inbox', 'all'), ').'] : ''),
    updated, list);
}
