import { emulator } from './api.js';
import { h, table } from './dom.js';

// Every API Gateway route the stacks made, with the local URL to call it at (GET /_cogniform/routes).

export async function routesView() {
  const { routes } = await emulator('routes');
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  return h('section', {},
    h('h1', {}, 'API routes'),
    table(['Method', 'Path', 'URL', 'API', 'Stage', 'Authorizer', 'Function'], sorted.map((r) => [
      h('code', {}, r.method), h('code', {}, r.path),
      // A GET route can be opened as is; the others are for copying into a client.
      r.method === 'GET' || r.method === 'ANY' ? h('a', { href: r.url, rel: 'noreferrer', target: '_blank' }, r.url) : h('code', {}, r.url),
      `${r.apiType} ${r.apiId}`, r.stage,
      r.authorizer ? `${r.authorizer.type} ${r.authorizer.name}${r.authorizer.scopes?.length ? ` (${r.authorizer.scopes.join(' ')})` : ''}` : 'none',
      r.function ?? '—',
    ]), 'No API routes: reconcile a template that has an API.'));
}
