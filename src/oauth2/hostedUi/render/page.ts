import type { FastifyReply } from 'fastify';
import type { Store } from '../../../store/store.js';
import { ALL_CLIENTS, uiCustomizations, uiCustomizationToApi } from '../../../cognito/model/uiCustomization.js';
import { html, render, styleText, templateText, toString, type Html } from './html.js';

// Every page goes out through here: the layout around it, the pool's branding, and the headers that keep it from
// being framed, cached or leaking its URL (which carries the authorize parameters) to other sites.

/**
 * No script at all; inline styles for the default and the customer's CSS; images only as data: URLs (the logo).
 * No form-action: a signed-in form ends in a redirect to the client's callback, which browsers check against it.
 */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** The CSS and logo SetUICustomization gave the client, else the pool's default ("ALL"), else none. */
export interface Branding {
  css?: string | undefined;
  logoUrl?: string | undefined;
}

/**
 * "If you specify UI customization settings for a particular client, it will no longer fall back to the ALL
 * configuration" (developer guide, "Customizing hosted UI (classic) branding").
 */
export async function brandingOf(store: Store, poolId: string, clientId: string): Promise<Branding> {
  const table = store.table(uiCustomizations);
  const record = (await table.get([poolId, clientId])) ?? (await table.get([poolId, ALL_CLIENTS]));
  if (!record) return {};
  const api = uiCustomizationToApi(record);
  return { css: api.CSS, logoUrl: api.ImageUrl };
}

export function sendPage(reply: FastifyReply, title: string, content: Html, branding: Branding = {}, status = 200): FastifyReply {
  const page = render('layout', {
    title,
    css: styleText(templateText('hostedUi.css')),
    customCss: branding.css ? html`<style>${styleText(branding.css)}</style>` : undefined,
    logo: branding.logoUrl ? html`<img class="logo-customizable" src="${branding.logoUrl}" alt="">` : undefined,
    content,
  });
  return reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(`<!DOCTYPE html>\n${toString(page)}`);
}

/** The error page: a status and a message, never a stack. */
export function sendErrorPage(reply: FastifyReply, status: number, message: string, branding?: Branding): FastifyReply {
  return sendPage(reply, 'Error', render('error', { message }), branding, status);
}
