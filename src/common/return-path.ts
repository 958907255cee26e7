// Where to go after signing in: only a path of this site's citizen portal, never another origin,
// the API or the officers' back office (open-redirect protection, used by the page and the server).
export function safeReturnPath(v: string | null | undefined): string | null {
  if (!v || v.length > 500 || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  if (v.startsWith('/api/') || v.startsWith('/quan-tri') || /[\r\n]/.test(v)) return null;
  return v;
}

/** Where an officer returns after signing in again: a page of the back office only. */
export function safeOfficerReturnPath(v: string | null | undefined): string | null {
  if (!v || v.length > 500 || !v.startsWith('/quan-tri/') || v.startsWith('/quan-tri/dang-nhap') || /[\r\n\\]/.test(v) || v.includes('//')) return null;
  return v;
}
