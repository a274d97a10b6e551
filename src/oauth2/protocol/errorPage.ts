import type { FastifyReply } from 'fastify';

// The page an authorize or logout request gets when it names no usable client or redirect URI: AWS shows its own
// error page then ("An error was encountered with the requested page."), never redirecting to an unchecked URI.
// The hosted UI's pages have the styled version; this one stays plain so the protocol does not depend on them.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function sendErrorPage(reply: FastifyReply, status: number, message: string): FastifyReply {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
<body><main><h1>An error was encountered with the requested page.</h1><p>${escapeHtml(message)}</p></main></body></html>
`;
  // Like the hosted UI's pages (../hostedUi/page.ts): no script, no framing, nothing fetched.
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
    .header('x-frame-options', 'DENY')
    .send(html);
}
