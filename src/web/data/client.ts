// The one typed client of the web: calls an endpoint of src/common/api by its contract, so the
// path parameters, query, body and answer are the server's own types (Static<> of its schemas).
import type { BodyOf, Endpoint, ParamsOf, QueryOf, Reply } from '../../common/api/contract';
import { request, type Query } from '../api';

type Has<E extends Endpoint, K extends keyof Endpoint['schema']> = E['schema'][K] extends object ? true : false;

/** What a call of `E` takes: its path parameters and body when it has them, its query optionally. */
export type CallInput<E extends Endpoint> = (Has<E, 'params'> extends true ? { params: ParamsOf<E> } : { params?: undefined }) &
  (Has<E, 'querystring'> extends true ? { query?: QueryOf<E> } : { query?: undefined }) &
  // A multipart endpoint (an upload) declares no body schema: it takes a FormData.
  (Has<E, 'body'> extends true ? { body: BodyOf<E> | FormData } : { body?: FormData });

/** The URL of an endpoint with its path parameters filled in (each encoded). */
export function urlOf(e: Endpoint, params?: Record<string, unknown>): string {
  return e.url.replace(/:(\w+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`${e.method} ${e.url}: path parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });
}

export function callApi<E extends Endpoint>(e: E, input: CallInput<E>, signal?: AbortSignal): Promise<Reply<E>> {
  return request<Reply<E>>(e.method, urlOf(e, input.params as Record<string, unknown> | undefined), {
    query: input.query as Query | undefined,
    body: input.body,
    signal,
  });
}
