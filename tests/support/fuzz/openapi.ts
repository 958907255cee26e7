// The routes of the OpenAPI document the app publishes (@fastify/swagger), in the shape the fuzz
// tier needs: method, path template, path and query parameters, JSON body schema.

/** The part of JSON Schema the app's TypeBox schemas use. */
export interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** "POST /api/admin/agencies/{id}/deactivate" */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template, `{name}` for path parameters. */
  path: string;
  pathParams: Param[];
  queryParams: Param[];
  /** The application/json body schema, or null when the route declares none (no body, or multipart). */
  body: Schema | null;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Every operation of the document, in document order. */
export function operations(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      const pick = (where: string): Param[] =>
        params.filter((p) => p.in === where).map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }));
      out.push({
        id: `${method} ${path}`,
        method: method as Operation['method'],
        path,
        pathParams: pick('path'),
        queryParams: pick('query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return out;
}

/** The branch of a union that is not null (the first one), or the schema itself. */
export function concrete(s: Schema): Schema {
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) return concrete(branches.find((b) => b.type !== 'null') ?? branches[0]!);
  if (s.allOf?.length) return concrete(s.allOf[0]!);
  if (Array.isArray(s.type)) return { ...s, type: s.type.find((t) => t !== 'null') ?? s.type[0] };
  return s;
}

/** The JSON type a schema asks for ('string', 'integer', 'object', …), or undefined for "anything". */
export function jsonType(s: Schema): string | undefined {
  const c = concrete(s);
  if (c.type) return c.type as string;
  if (c.properties) return 'object';
  if (c.items) return 'array';
  const v = c.const ?? c.enum?.[0];
  if (v !== undefined) return typeof v === 'number' ? 'number' : typeof v;
  return undefined;
}
