// One vendor's spec, loaded for serving: operations matched by method and path, requests
// validated and coerced, responses validated — all by openapi-backend, whose Ajv is swapped for
// Ajv's JSON Schema 2020-12 class (OpenAPI 3.1's dialect: `type: [string, "null"]`,
// `unevaluatedProperties`, `const`, `prefixItems` …) with ajv-formats for `date`/`date-time`.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { specOperations, type SpecOperation as WalkedOperation } from "@seg/spec/document";
import { OpenAPIRouter, OpenAPIValidator, type Document, type Operation } from "openapi-backend";
import { dereference } from "./dereference.ts";
import { validationMessages } from "./validation-messages.ts";

// ajv-formats is CommonJS with `exports.default`; under ESM interop the default may be one level down.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

type Node = Record<string, unknown>;

const ajvs = new Map<string, Ajv2020>();

function ajvFor(options: object): Ajv2020 {
  const key = JSON.stringify(options);
  let ajv = ajvs.get(key);
  if (!ajv) {
    ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
    addFormats(ajv);
    ajvs.set(key, ajv);
  }
  return ajv;
}

/** What the sandbox needs to know about an operation, read from the spec. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/contact/{contact_id_or_email}`. */
  path: string;
  /** `x-seg-host` of the operation's server (a vendor with several hosts serves each operation on its own). */
  host: string;
  /** `x-seg-idempotent`. */
  idempotent: boolean;
  /** Body properties the client fills from its config (`x-seg-bind`): property → option name. */
  bodyBind: Readonly<Record<string, string>>;
  /** False when the spec says `security: []`. */
  secured: boolean;
  /** Media types the request body may have; empty when there is no body. */
  bodyTypes: string[];
  /** The body is required by the spec. */
  bodyRequired: boolean;
  /** The body schema's top-level `required` names (a body token's property may be one). */
  requiredBodyFields: string[];
  raw: Operation;
}

export interface RequestToValidate {
  method: string;
  /** The path under the vendor's base URL, still percent-encoded. */
  path: string;
  /** The raw query string without `?`. */
  query: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface RequestValidation {
  /** Empty when the request matches the spec. */
  problems: string[];
  /** Query parameters, parsed per their style and coerced to their schema types. */
  query: Record<string, unknown>;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

export class VendorSpec {
  readonly vendor: string;
  /** The document as written (with its `$ref`s). */
  readonly source: Node;
  /** The document with every `$ref` inlined. */
  readonly document: Node;
  readonly operations: readonly SpecOperation[];
  readonly #router: OpenAPIRouter;
  readonly #validator: OpenAPIValidator;

  constructor(vendor: string, document: Node) {
    this.vendor = vendor;
    this.source = document;
    this.document = dereference(structuredClone(document));
    const definition = this.document as unknown as Document;
    this.#router = new OpenAPIRouter({ definition });
    this.#validator = new OpenAPIValidator({
      definition,
      router: this.#router,
      coerceTypes: true,
      // Compile an operation's schemas on its first call: compiling every spec up front takes
      // seconds, and the test suite calls every operation, so a schema Ajv cannot compile still shows.
      lazyCompileValidators: true,
      // openapi-backend asks for a fresh Ajv per schema; one per option set is enough and far faster.
      // Ajv2020 and the draft-07 `Ajv` openapi-backend types here are sibling classes of one core.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- same core, same API
      customizeAjv: (_draft7, options) => ajvFor(options),
    });
    const walked = new Map(specOperations(document).operations.map((operation) => [operation.operationId, operation]));
    this.operations = this.#router.getOperations().map((operation) => {
      const found = walked.get(String(operation.operationId));
      if (!found) throw new Error(`${vendor}: operation ${operation.method.toUpperCase()} ${operation.path} has no operationId`);
      return describeOperation(operation, found);
    });
  }

  operation(operationId: string): SpecOperation {
    const found = this.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`${this.vendor} has no operation ${operationId}`);
    return found;
  }

  /**
   * The operation for a method and path, `"method-not-allowed"` when the path exists with other
   * methods only, or undefined when no path matches.
   */
  match(method: string, path: string): SpecOperation | "method-not-allowed" | undefined {
    const found = this.#router.matchOperation({ method, path, headers: {} });
    if (found) return this.operation(found.operationId ?? "");
    const other = this.operations.some((op) => templateMatches(op.path, path));
    return other ? "method-not-allowed" : undefined;
  }

  validateRequest(operation: SpecOperation, request: RequestToValidate): RequestValidation {
    const result = this.#validator.validateRequest(
      { method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body },
      operation.raw,
    );
    const coerced = (result.coerced ?? {}) as { query?: Record<string, unknown> };
    return {
      problems: result.errors ? validationMessages(result.errors) : [],
      query: coerced.query ?? {},
      params: pathParams(operation.path, request.path),
    };
  }

  /** Problems of a response body against the spec's schema for its status (none when it matches). */
  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const declared = declaredStatus(this.operation(operationId).raw, status);
    if (!declared) return [`status ${status} is not declared for ${operationId}`];
    // A status documented without content (a 204, a 202) has no body to check, and must send none.
    if (declared.content === undefined) return body === undefined ? [] : [`body must be empty: status ${status} documents no content`];
    const result = this.#validator.validateResponse(body, operationId, status);
    return result.errors ? result.errors.map((e) => `${e.instancePath || "body"} ${e.message ?? "is invalid"}`) : [];
  }
}

function describeOperation(operation: Operation, walked: WalkedOperation): SpecOperation {
  const op = operation as unknown as Node;
  const body = op.requestBody as { required?: boolean; content?: Record<string, { schema?: Node }> } | undefined;
  const jsonSchema = body?.content?.["application/json"]?.schema;
  return {
    operationId: String(op.operationId),
    method: operation.method.toUpperCase(),
    path: operation.path,
    host: walked.host,
    idempotent: walked.idempotent,
    bodyBind: walked.bind.body,
    secured: Array.isArray(op.security) ? op.security.length > 0 : true,
    bodyTypes: Object.keys(body?.content ?? {}),
    bodyRequired: body?.required === true,
    requiredBodyFields: Array.isArray(jsonSchema?.required) ? (jsonSchema.required as string[]) : [],
    raw: operation,
  };
}

function templateRegExp(template: string): RegExp {
  const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^/]+?\\\}/g, "([^/]+)");
  return new RegExp(`^${pattern}/?$`);
}

function templateMatches(template: string, path: string): boolean {
  return templateRegExp(template).test(path);
}

function pathParams(template: string, path: string): Record<string, string> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const values = templateRegExp(template).exec(path)?.slice(1) ?? [];
  return Object.fromEntries(names.map((name, i) => [name, safeDecode(values[i] ?? "")]));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The response the operation documents for `status` (itself, its class `4XX`, else `default`). */
function declaredStatus(operation: Operation, status: number): { content?: unknown } | undefined {
  const responses = ((operation as unknown as Node).responses ?? {}) as Record<string, { content?: unknown } | undefined>;
  return [String(status), `${Math.floor(status / 100)}XX`, "default"].map((key) => responses[key]).find((response) => response !== undefined);
}

// Compiling a spec takes a few hundred milliseconds: each document is compiled once per process.
const compiled = new WeakMap<Node, VendorSpec>();

/** The served form of a vendor's document (compiled once per document object). */
export function compileSpec(vendor: string, document: Node): VendorSpec {
  let spec = compiled.get(document);
  if (spec?.vendor !== vendor) {
    spec = new VendorSpec(vendor, document);
    compiled.set(document, spec);
  }
  return spec;
}
