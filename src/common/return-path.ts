// Where to go after signing in: only a path of this site's citizen portal, never another origin,
// the API or the officers' back office (open-redirect protection, used by the page and the server).
export function safeReturnPath(v: string | null | undefined): string | null {
  if (!v || v.length > 500 || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  if (v.startsWith('/api/') || v.startsWith('/quan-tri') || /[\r\n]/.test(v)) return null;
  return v;
}
