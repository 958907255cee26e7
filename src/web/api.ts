// Fetch wrapper for the dvc API: same-origin cookie session, CSRF header on every state-changing
// call, RFC 9457 problem responses turned into ApiError (whose message is already Vietnamese).
import { getCsrfToken, type getMe } from '../common/api/auth';
import type { Reply } from '../common/api/contract';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const NETWORK_MESSAGE = 'Không kết nối được tới máy chủ. Kiểm tra kết nối mạng rồi thử lại.';

let csrfToken: Promise<string> | null = null;
/** The token once known, for requests that must leave synchronously (a page being closed). */
let csrfTokenValue: string | null = null;

function fetchCsrf(): Promise<string> {
  const p = fetch(getCsrfToken.url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw await toApiError(res);
      csrfTokenValue = ((await res.json()) as Reply<typeof getCsrfToken>).token;
      return csrfTokenValue;
    })
    .catch((err: unknown) => {
      csrfToken = null;
      throw err;
    });
  csrfToken = p;
  return p;
}

/**
 * A PUT that survives the page being closed or reloaded (fetch keepalive), for a last autosave.
 * Fire and forget: returns false when no CSRF token is known yet.
 */
export function putOnUnload(url: string, body: unknown): boolean {
  if (!csrfTokenValue) return false;
  void fetch(url, {
    method: 'PUT',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfTokenValue },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  return true;
}

function getCsrf(force = false): Promise<string> {
  if (force || !csrfToken) return fetchCsrf();
  return csrfToken;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; detail?: string; details?: Record<string, unknown> } | null = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const code = body?.code ?? `HTTP_${res.status}`;
  const message = body?.message ?? body?.detail ?? `Hệ thống gặp lỗi (mã ${res.status}). Vui lòng thử lại sau.`;
  return new ApiError(res.status, code, message, body?.details);
}

const sessionEndedListeners = new Set<() => void>();

/** Called when an API call answers 401 although the page thought it was signed in. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function notifySessionEnded(): void {
  for (const l of sessionEndedListeners) l();
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** "?a=1&b=2" (empty values dropped), or "" when nothing is set. */
export function query(q: Query): string {
  return withQuery('', q);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = withQuery(path, opts.query);
  const safe = method === 'GET' || method === 'HEAD';
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;

  const send = async (forceCsrf: boolean) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (!safe) headers['x-csrf-token'] = await getCsrf(forceCsrf);
    let body: BodyInit | undefined;
    if (opts.body !== undefined) {
      if (isForm) body = opts.body as FormData;
      else {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.body);
      }
    }
    return fetch(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  };

  let res: Response;
  try {
    res = await send(false);
    if (!safe && res.status === 403) {
      const err = await toApiError(res.clone());
      // The CSRF secret cookie expired or was replaced: fetch a fresh token and try once more.
      if (err.code === 'CSRF_INVALID') res = await send(true);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    // The session ended (idle timeout, signed out elsewhere, revoked) while a page was open.
    if (err.status === 401 && !path.startsWith('/api/auth/')) notifySessionEnded();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data upload of one file in field `file`. */
  upload: <T>(path: string, file: File | Blob, fileName?: string) => {
    const fd = new FormData();
    if (fileName) fd.append('file', file, fileName);
    else fd.append('file', file);
    return request<T>('POST', path, { body: fd });
  },
};

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Hệ thống gặp lỗi. Vui lòng thử lại sau.';
}

// ----------------------------------------------------------------------------------------------
// The signed-in user as every page sees it. Any other payload type a page needs it takes from the
// endpoint's contract itself (Reply<typeof endpoint>, src/common/api).

export type Me = Reply<typeof getMe>;

