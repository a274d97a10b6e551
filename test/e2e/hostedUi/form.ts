// A web page driven over plain HTTP, as a script or a browser without JavaScript would: follow redirects by hand
// (each hop is asserted on), keep cookies, and submit the page's form with the hidden fields it carries.

export class HttpAgent {
  private readonly cookies = new Map<string, string>();

  /** One request, no redirect followed; cookies sent and kept. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  /** Follows redirects from `url` while they stay under `origin`; returns the first response that leaves it or is not a redirect. */
  async follow(url: string, origin: string, init: RequestInit = {}): Promise<{ url: string; response: Response }> {
    let response = await this.request(url, init);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
      const next = new URL(response.headers.get('location') ?? '', url).href;
      if (!next.startsWith(`${origin}/`)) return { url: next, response };
      url = next;
      response = await this.request(url);
    }
    return { url, response };
  }
}

export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML attribute text to its value (named, decimal and hex character references). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? unescapeHtml(match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** The page's form that has a field named `field`, with its action resolved against `pageUrl` and its inputs' values. */
export function formWith(html: string, field: string, pageUrl: string): HtmlForm {
  for (const [, open = '', body = ''] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/gi)) {
    const fields: Record<string, string> = {};
    for (const [tag] of body.matchAll(/<(?:input|button)\b[^>]*>/gi)) {
      const name = attribute(tag, 'name');
      const type = attribute(tag, 'type')?.toLowerCase();
      if (name === undefined || type === 'submit' || tag.toLowerCase().startsWith('<button')) continue;
      fields[name] = attribute(tag, 'value') ?? '';
    }
    if (field in fields) {
      return { action: new URL(attribute(open, 'action') ?? '', pageUrl).href, method: (attribute(open, 'method') ?? 'get').toLowerCase(), fields };
    }
  }
  throw new Error(`no form with a "${field}" field in:\n${html}`);
}

/** The form's fields, with `values` filled in, as an url-encoded POST body. */
export function submission(form: HtmlForm, values: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...values }).toString(),
  };
}
