import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK, SIGNED_OUT, withOAuthApp } from './harness.js';

// GET /logout (logout-endpoint; cognito-api.md §4.7).

const oauth = withOAuthApp(test);

const get = (path: string, query: Record<string, string>, cookie?: string) =>
  fetch(`${oauth.emulator.url}${path}?${new URLSearchParams(query)}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const authorizeQuery = () => ({ response_type: 'code', client_id: oauth.app.clientId, redirect_uri: CALLBACK, state: 's' });

test('/logout: with logout_uri the session ends, its cookie is cleared and the browser goes there', async () => {
  const { cookie } = await oauth.pages.complete('alice', authorizeQuery());
  const response = await get('/logout', { client_id: oauth.app.clientId, logout_uri: SIGNED_OUT }, cookie);
  assert.is(response.status, 302);
  assert.is(response.headers.get('location'), SIGNED_OUT);
  assert.match(response.headers.get('set-cookie')!, /^cogniform-session=; Max-Age=0/);
  // The old cookie no longer skips the sign-in page.
  const again = await get('/oauth2/authorize', authorizeQuery(), cookie);
  assert.is(new URL(again.headers.get('location')!, oauth.emulator.url).pathname, '/login');
});

test('/logout: with redirect_uri and response_type the browser goes back to /login with them', async () => {
  const response = await get('/logout', authorizeQuery());
  assert.is(response.status, 302);
  const location = new URL(response.headers.get('location')!, oauth.emulator.url);
  assert.is(location.pathname, '/login');
  assert.equal(Object.fromEntries(location.searchParams), authorizeQuery());
});

test('/logout: a logout_uri the client does not list, or an unknown client, is a 400 page without redirect', async () => {
  const queries: Record<string, string>[] = [
    { client_id: oauth.app.clientId, logout_uri: 'https://evil.example/' },
    { client_id: oauth.app.clientId, logout_uri: `${SIGNED_OUT}/` },
    { client_id: 'nobody', logout_uri: SIGNED_OUT },
    { client_id: oauth.app.clientId },
  ];
  for (const query of queries) {
    const response = await get('/logout', query);
    assert.is(response.status, 400, JSON.stringify(query));
    assert.is(response.headers.get('location'), null);
  }
});

test.run();
