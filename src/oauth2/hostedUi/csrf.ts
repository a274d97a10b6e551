import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieValues } from '../protocol/form.js';
import { sameText } from '../../cognito/auth/sameText.js';
import { formOf } from './hostedRequest.js';
import { html, type Html } from './render/html.js';

// The hosted UI's forms carry a token a page of another site cannot know, as AWS's do: every page with a form sets
// the cookie `XSRF-TOKEN` ("set-cookie: XSRF-TOKEN=…; Path=/; Secure; HttpOnly; SameSite=Lax", observed on a Cognito
// domain, aws-amplify/amplify-js#5284) and posts the same value back as the hidden field `_csrf` (a script signing
// in through the hosted UI sends "Cookie: XSRF-TOKEN={XSRF-TOKEN}" and "_csrf={XSRF-TOKEN}", amplify-js#6236). A
// form posted from another site's page has no such pair (SameSite=Lax keeps the cookie off a cross-site POST, and
// the page cannot read it), so it cannot sign the browser in as someone else nor submit the other forms.
// One token per browser: a page keeps the token the browser's cookie already holds and mints one only for a browser
// without it, so pages open in several tabs (or a form shown again after a wrong answer) all still post. AWS mints
// one per page, and an older tab's post lands on its error page (amplify-js#9710, an open complaint): cogniform does
// not copy that, since the token's purpose (a page of another site cannot know it) holds either way.

// The cookie is not called XSRF-TOKEN here: AWS's hosted UI has a domain of its own, cogniform's shares `localhost`
// with the developer's app, and cookies do not keep ports apart. An Angular (or Spring) app on localhost:4200 uses
// XSRF-TOKEN for its own CSRF check, which an HttpOnly cookie of the same name from cogniform would break.
export const CSRF_COOKIE = 'cogniform-xsrf';
const CSRF_FIELD = '_csrf';

/**
 * AWS's error page says "An error was encountered with the requested page." (amplify-js#9710, #755); the second
 * sentence is cogniform's, so that a developer knows what to do.
 */
export const CSRF_REFUSED =
  'An error was encountered with the requested page. The form was sent without its security token, or from an older page or another site: open the page again.';

/** 32 random bytes, base64url: what csrfField mints, and the only cookie value it takes back. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token for the page `reply` answers with (the browser's own, else a new one): its cookie set, its hidden field
 * returned (one per page, however many forms it has).
 */
export function csrfField(reply: FastifyReply): Html {
  const held = cookieValues(reply.request, CSRF_COOKIE).find((value) => TOKEN.test(value));
  const token = held ?? randomBytes(32).toString('base64url');
  const secure = reply.request.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${CSRF_COOKIE}=${token}; Path=/${secure}; HttpOnly; SameSite=Lax`);
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** Whether the posted form's `_csrf` is the token of the request's CSRF cookie. */
export function csrfHolds(request: FastifyRequest): boolean {
  const posted = formOf(request)[CSRF_FIELD];
  if (!posted) return false;
  return cookieValues(request, CSRF_COOKIE).some((value) => value !== '' && sameText(posted, value));
}
