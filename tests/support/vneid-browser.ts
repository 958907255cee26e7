// "Đăng nhập bằng VNeID" over real HTTP against a listening test system (startTestSystem with
// listen: true) and its in-process VNeID simulator: a fetch-based browser with a per-host cookie
// jar that follows redirects by hand and presses a person's name on the simulator page.

interface StoredCookie {
  value: string;
  path: string;
}

/** Just enough of a browser: per-host cookies (name + path), manual redirects. */
export class VneidBrowser {
  private jar = new Map<string, Map<string, StoredCookie>>();

  cookie(url: string, name: string): string | undefined {
    const u = new URL(url);
    for (const [key, c] of this.jar.get(u.host) ?? []) if (key.startsWith(`${name};`) && u.pathname.startsWith(c.path)) return c.value;
    return undefined;
  }

  setCookie(url: string, name: string, value: string, path = '/'): void {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(`${name};${path}`, { value, path });
  }

  private header(url: string): string {
    const u = new URL(url);
    return [...(this.jar.get(u.host) ?? [])]
      .filter(([, c]) => u.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.slice(0, key.indexOf(';'))}=${c.value}`)
      .join('; ');
  }

  private keep(url: string, res: Response): void {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    const cookies = this.jar.get(host)!;
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const name = pair!.slice(0, pair!.indexOf('='));
      const value = pair!.slice(pair!.indexOf('=') + 1);
      const attr = (n: string) => attrs.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
      const path = attr('path') ?? '/';
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const gone = value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) < Date.now());
      if (gone) cookies.delete(`${name};${path}`);
      else cookies.set(`${name};${path}`, { value, path });
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.header(url), 'user-agent': 'vneid-browser-test' };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    this.keep(url, res);
    return res;
  }

  /** Follows redirects until `stop` says the next address is the one to stop at. */
  async follow(res: Response, from: string, stop: (next: URL) => boolean): Promise<{ res: Response; url: string }> {
    let url = from;
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url };
      const next = new URL(location, url);
      if (stop(next)) return { res, url: next.href };
      url = next.href;
      res = await this.request(url);
    }
    throw new Error('too many redirects');
  }
}

/**
 * From "Đăng nhập bằng VNeID" on the app at `baseUrl` to the moment the simulator sends the
 * browser back: returns the app's callback address, not yet opened (the test decides when).
 */
export async function vneidCallbackFor(b: VneidBrowser, baseUrl: string, personName: string): Promise<string> {
  const app = new URL(baseUrl).origin;
  const onCallback = (u: URL) => u.origin === app && u.pathname === '/api/auth/vneid/callback';
  const startUrl = `${baseUrl}/api/auth/vneid/start`;
  const start = await b.request(startUrl);
  if (start.status !== 302) throw new Error(`VNeID start answered ${start.status}`);
  const { res, url } = await b.follow(start, startUrl, () => false);
  const html = await res.text();
  const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => f[2]!.includes(`>${personName}</button>`));
  if (!form) throw new Error(`no "${personName}" on the simulator page`);
  const fields = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  const action = new URL(form[1]!, url).href;
  const posted = await b.request(action, { method: 'POST', form: fields });
  const back = await b.follow(posted, action, onCallback);
  if (!onCallback(new URL(back.url))) throw new Error(`the simulator did not send the browser back (${back.url})`);
  return back.url;
}
