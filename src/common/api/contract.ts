// One contract per endpoint (ADR 0016): its method, URL, summary and the TypeBox schemas of its
// path parameters, query, body and every response. The server's route registers it (Fastify
// validates input and serialises the answer by it, /docs publishes it); the web calls it through
// one typed client (src/web/data/client.ts) whose types are Static<> of the same schemas; the
// integration tests read answers with the same types. Renaming a field is a tsc error everywhere.
import { Type, type Static, type TSchema } from 'typebox';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** Fastify's path syntax: /api/dossiers/:id. */
  url: string;
  /** The OpenAPI summary: what a reader of /docs is told, in Vietnamese. */
  summary: string;
  schema: {
    params?: TSchema;
    querystring?: TSchema;
    body?: TSchema;
    /** Every status the route answers with a body of its own (errors are problems: app.ts). */
    response: Record<number, TSchema>;
  };
}

/** Declares an endpoint, keeping its exact type (the schemas) for the server, the web and tests. */
export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

/** Route options of an endpoint for `app.get(e.url, routeOptions(e, tags), handler)`. */
export function routeOptions<E extends Endpoint>(e: E, tags: string[]): { schema: E['schema'] & { tags: string[]; summary: string } } {
  return { schema: { ...e.schema, tags, summary: e.summary } };
}

// ---- the types each side derives ------------------------------------------------------------

type SchemaOf<E extends Endpoint, K extends keyof Endpoint['schema']> = E['schema'][K] extends infer S extends TSchema ? S : never;

/** The path parameters of an endpoint. */
export type ParamsOf<E extends Endpoint> = Static<SchemaOf<E, 'params'>>;
/** Its query string (fields with a server default may be left out). */
export type QueryOf<E extends Endpoint> = Partial<Static<SchemaOf<E, 'querystring'>>>;
/** Its JSON body. */
export type BodyOf<E extends Endpoint> = Static<SchemaOf<E, 'body'>>;

type SuccessStatus = 200 | 201 | 202;
/** What a successful call answers (undefined for 204 No Content). */
export type Reply<E extends Endpoint> = {
  [S in keyof E['schema']['response']]: S extends SuccessStatus ? Static<E['schema']['response'][S]> : never;
}[keyof E['schema']['response']] extends infer R
  ? [R] extends [never]
    ? undefined
    : R
  : never;

// ---- shared pieces of schemas ----------------------------------------------------------------

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A unit (agency) as lists and pickers show it. */
export const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

/** The page and page size every list takes (1-based; at most 100 a page). */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

/** 204 No Content. */
export const NoContent = Type.Null({ description: 'No Content' });
