import type { TestEmulator } from '../../helpers/emulator.js';
import { authorizeUrl, type HostedApp } from '../../e2e/hostedUi/app.js';
import { formWith, HttpAgent, submission, unescapeHtml } from '../../e2e/hostedUi/form.js';

// The hosted UI's pages driven over plain HTTP, as a browser without JavaScript would: a page is fetched, one of its
// forms filled in and posted, and the answer (a page or a redirect) looked at without following it off the server.

export interface Page {
  status: number;
  url: string;
  html: string;
  headers: Headers;
  /** Where a redirect points, absolute. */
  location?: string | undefined;
}

export class Browser {
  readonly agent = new HttpAgent();
  constructor(readonly emulator: TestEmulator) {}

  async open(url: string, init: RequestInit = {}): Promise<Page> {
    const response = await this.agent.request(url, init);
    const location = response.headers.get('location');
    return {
      status: response.status,
      url,
      html: await response.text(),
      headers: response.headers,
      location: location === null ? undefined : new URL(location, url).href,
    };
  }

  /** `/login` (or another page) with the app's authorize parameters and `extra`. */
  page(path: string, app: HostedApp, extra: Record<string, string> = {}): Promise<Page> {
    const query = new URL(authorizeUrl(this.emulator, app, extra)).search;
    return this.open(`${this.emulator.url}${path}${query}`);
  }

  /** Fills in the page's form that has `field` and posts it. */
  submit(page: Page, field: string, values: Record<string, string>): Promise<Page> {
    const form = formWith(page.html, field, page.url);
    return this.open(form.action, submission(form, values));
  }

  /**
   * Posts `fields` to `url` as a form of `from` would: with the `_csrf` token `from` carries (its cookie is in the
   * agent since `from` was fetched). For posts no form of the page makes as such (another action, forged fields).
   */
  post(url: string, fields: Record<string, string>, from: Page): Promise<Page> {
    return this.open(url, submission({ action: url, method: 'post', fields: { _csrf: csrfOn(from) } }, fields));
  }

  /** Follows a redirect that stays on the emulator. */
  follow(page: Page): Promise<Page> {
    if (!page.location) throw new Error(`not a redirect (${page.status}):\n${page.html}`);
    return this.open(page.location);
  }
}

/** The text of the page's error message, if it shows one. */
export function errorOn(page: Page): string | undefined {
  const match = /<p class="errorMessage-customizable"[^>]*>([\s\S]*?)<\/p>/.exec(page.html);
  return match ? unescapeHtml(match[1]!) : undefined;
}

/** The `_csrf` token a page's forms carry. */
export function csrfOn(page: Page): string {
  const token = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(page.html)?.[1];
  if (!token) throw new Error(`no _csrf field on ${page.url} (${page.status}):\n${page.html}`);
  return unescapeHtml(token);
}

/** The labels of the page's inputs, by the id they point at. */
export function labels(page: Page): Record<string, string> {
  return Object.fromEntries([...page.html.matchAll(/<label[^>]*for="([^"]+)"[^>]*>([^<]*)<\/label>/g)].map(([, id, text]) => [id!, text!]));
}
