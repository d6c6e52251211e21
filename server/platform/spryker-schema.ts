import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import {
  NOT_IN_SPRYKERS_SCHEMA,
  PLAIN_TEXT_ANSWERS,
  SCHEMA_CORRECTIONS,
} from './spryker-schema-mistakes';
import type { SchemaCorrection } from './spryker-schema-mistakes';

/** Spryker's generated OpenAPI document, kept verbatim in the project (docs/spryker/README.md). */
export const SPRYKER_SCHEMA_FILE = fileURLToPath(
  new URL('../../docs/spryker/spryker_rest_api.schema.yml', import.meta.url),
);

/** A JSON Schema (or OpenAPI 3.0 schema) object, edited in place while the checker is built. */
export type JsonSchema = { [keyword: string]: unknown };

interface OpenApiResponse {
  content?: Record<string, { schema?: { $ref?: string } }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** One answer of the stand-in: what a contract test sent and what came back. */
export interface GlueAnswer {
  method: string;
  /** The request's path, query string allowed. */
  path: string;
  status: number;
  body: string;
}

/**
 * Resource types Spryker's document answers with no GET of their own, so their attributes cannot
 * be read off a path: type → attributes schema.
 */
const HAND_KEPT_RESOURCE_ATTRIBUTES: Readonly<Record<string, string>> = {
  // Only POSTed to (`/carts/{cartId}/items` answers the cart); GET /carts/{id}?include=items.
  items: 'RestItemsAttributes',
  // Only ever included, in POST /checkout-data (shipments-rest-api, payments-rest-api).
  shipments: 'RestShipmentsAttributes',
  'shipment-methods': 'RestShipmentMethodsAttributes',
  'payment-methods': 'RestPaymentMethodsAttributes',
  // Only ever included, in a cart (cart-codes-rest-api, gift-cards-rest-api; contract §10).
  vouchers: 'RestDiscountsAttributes',
  'cart-rules': 'RestDiscountsAttributes',
  'gift-cards': 'RestGiftCardsAttributes',
  // Only POSTed to and included, in GET /wishlists/{id}?include=wishlist-items (contract §11).
  'wishlist-items': 'RestWishlistItemsAttributes',
  // Only ever included, in a return (contract §12); return-items is declared by a correction.
  'return-items': 'RestReturnItemsAttributes',
  'order-items': 'RestOrderItemsAttributes',
};

const SCHEMA_ID = 'spryker';
const REF_PREFIX = '#/components/schemas/';

function refName(ref: unknown): string | null {
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX)
    ? ref.slice(REF_PREFIX.length)
    : null;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  return isSchema(schema?.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

/** `null` allowed besides what the schema already allows. */
function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') return { anyOf: [{ $ref: schema.$ref }, { type: 'null' }] };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type))
    return { ...schema, type: [...(schema.type as string[]), 'null'] };
  return schema;
}

/**
 * Glue sends every property of its transfers, so every declared key is required and no other is
 * allowed; OpenAPI's `nullable` becomes JSON Schema's `null` type. Siblings of `$ref` are dropped,
 * as OpenAPI 3.0 ignores them.
 */
function strict(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const { nullable: isNullable, required: _declared, ...rest } = schema;
  let result: JsonSchema = rest;
  if (isSchema(schema.properties)) {
    const properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, JsonSchema>).map(([key, property]) => [
        key,
        strict(property),
      ]),
    );
    result = {
      ...rest,
      type: 'object',
      properties,
      required: Object.keys(properties),
      additionalProperties: false,
    };
  }
  if (isSchema(schema.items)) result.items = strict(schema.items);
  if (Array.isArray(schema.oneOf)) result.oneOf = (schema.oneOf as JsonSchema[]).map(strict);
  return isNullable === true ? nullable(result) : result;
}

/**
 * The YAML parsed, kept as JSON in the temporary directory under the YAML's hash: parsing 8,800
 * lines of YAML takes seconds, and every test file's worker needs the document.
 */
function parsedDocument(file: string): OpenApiDocument {
  const text = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `spryker-rest-api-schema-${hash}.json`);
  try {
    return JSON.parse(readFileSync(cache, 'utf8')) as OpenApiDocument;
  } catch {
    const document = parse(text, { uniqueKeys: false }) as OpenApiDocument;
    try {
      // Written aside and renamed, so a worker never reads another's half-written file.
      const partial = `${cache}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(document));
      renameSync(partial, cache);
    } catch {
      // Only a cache: without it the next worker parses the YAML again.
    }
    return document;
  }
}

/** What a correction may change; every change goes through here, so none edits the YAML. */
export class SchemaEditor {
  readonly #schemas: Record<string, JsonSchema>;
  readonly #documents: ReadonlyMap<string, boolean>;
  readonly #resources: Set<string>;
  readonly documentOverrides = new Map<string, JsonSchema>();
  /** Per document, resource schemas its `included` may hold beyond those it lists. */
  readonly includedAdditions = new Map<string, string[]>();

  constructor(
    schemas: Record<string, JsonSchema>,
    documents: ReadonlyMap<string, boolean>,
    resources: Set<string>,
  ) {
    this.#schemas = schemas;
    this.#documents = documents;
    this.#resources = resources;
  }

  schema(name: string): JsonSchema {
    const schema = this.#schemas[name];
    if (schema === undefined) throw new Error(`Spryker's schema has no ${name}.`);
    return schema;
  }

  /** `Schema.property`: the property's schema; throws when the schema does not declare it. */
  property(path: string): JsonSchema {
    const [name = '', key = ''] = path.split('.');
    const property = propertiesOf(this.schema(name))[key];
    if (property === undefined) throw new Error(`Spryker's ${name} has no property ${key}.`);
    return property;
  }

  /** Declares (or redeclares) a property, required like every other. */
  setProperty(name: string, key: string, schema: JsonSchema): void {
    const target = this.schema(name);
    target.properties = { ...propertiesOf(target), [key]: schema };
    const required = (target.required as string[] | undefined) ?? [];
    if (!required.includes(key)) target.required = [...required, key];
  }

  /**
   * Declares a schema the generated document lacks (a transfer of a module it has no path of), in
   * the document's own form, made strict as every other; throws when the document has it.
   */
  defineSchema(name: string, schema: JsonSchema): void {
    if (this.#schemas[name] !== undefined) throw new Error(`Spryker's schema has ${name}.`);
    this.#schemas[name] = strict(schema);
  }

  /** Forbids a property the document declares. */
  removeProperty(name: string, key: string): void {
    this.property(`${name}.${key}`);
    const target = this.schema(name);
    const { [key]: _removed, ...kept } = propertiesOf(target);
    target.properties = kept;
    target.required = ((target.required as string[] | undefined) ?? []).filter((k) => k !== key);
  }

  /** The property may be left out. */
  makeOptional(name: string, key: string): void {
    this.property(`${name}.${key}`);
    const target = this.schema(name);
    target.required = ((target.required as string[] | undefined) ?? []).filter((k) => k !== key);
  }

  /** `Schema.property` may be `null`. */
  allowNull(path: string): void {
    const [name = '', key = ''] = path.split('.');
    this.setProperty(name, key, nullable(this.property(path)));
  }

  /** Every schema a path answers with a JSON:API document, and whether its `data` is an array. */
  documents(): [name: string, isCollection: boolean][] {
    return [...this.#documents];
  }

  /** Every resource object schema (`…ResponseData`) a document holds in `data` or `included`. */
  resources(): string[] {
    return [...this.#resources];
  }

  /** A reference to one of the document's schemas, valid inside a replaced document too. */
  ref(name: string): JsonSchema {
    this.schema(name);
    return { $ref: `${SCHEMA_ID}${REF_PREFIX}${name}` };
  }

  /**
   * `document`'s `included` may also hold resources of `resource` (a `…ResponseData` schema),
   * each checked against it by its type's attributes, as the ones it lists are.
   */
  allowIncluded(document: string, resource: string): void {
    if (!this.#documents.has(document)) throw new Error(`No answer of Spryker's is ${document}.`);
    this.schema(resource);
    this.#resources.add(resource);
    this.includedAdditions.set(document, [
      ...(this.includedAdditions.get(document) ?? []),
      resource,
    ]);
  }

  /** The answers that name `name` as their schema are checked against `schema` instead. */
  replaceDocument(name: string, schema: JsonSchema): void {
    this.schema(name);
    this.documentOverrides.set(name, schema);
  }
}

interface Template {
  path: string;
  segments: (string | null)[];
  operations: Record<string, { responses?: Record<string, OpenApiResponse> }>;
}

function responseSchemaName(response: OpenApiResponse | undefined): string | null {
  if (response?.content === undefined) return null;
  for (const media of Object.values(response.content)) {
    const name = refName(media.schema?.$ref);
    if (name !== null) return name;
  }
  return null;
}

/** The resource schema a document holds in `data` (one, or each of an array). */
function dataResourceOf(schemas: Record<string, JsonSchema>, document: string): string | null {
  const data = propertiesOf(schemas[document]).data;
  return refName(isSchema(data?.items) ? data.items.$ref : data?.$ref);
}

function attributesOf(schemas: Record<string, JsonSchema>, resource: string): string | null {
  return refName(propertiesOf(schemas[resource]).attributes?.$ref);
}

/** The resource schemas a document's `included` (`…Included`, a oneOf) lists. */
function includedResourcesOf(schemas: Record<string, JsonSchema>, document: string): string[] {
  const included = propertiesOf(schemas[document]).included;
  const list = isSchema(included?.items) ? included : schemas[refName(included?.$ref) ?? ''];
  const alternatives = isSchema(list?.items) ? list.items.oneOf : undefined;
  return (Array.isArray(alternatives) ? (alternatives as JsonSchema[]) : []).flatMap(
    (alternative) => refName(alternative.$ref) ?? [],
  );
}

/** A request path's segments, without its query and trailing slashes (Glue ignores them). */
function pathSegments(path: string): string[] {
  return (path.split('?', 1)[0] ?? '').replace(/\/+$/, '').split('/').slice(1);
}

function templateSegments(path: string): (string | null)[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? null : segment));
}

function pointer(document: unknown, path: string): unknown {
  let value = document;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value =
      isSchema(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function describeValue(value: unknown): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const text = JSON.stringify(value) ?? String(value);
  return ['null', 'object', 'array'].includes(kind) ? kind : `${kind} ${text.slice(0, 60)}`;
}

/** Ajv's errors as one line each: missing keys, extra keys, wrong types, with their paths. */
function describeErrors(
  errors: readonly ErrorObject[],
  document: unknown,
  prefix: string,
): string[] {
  const lines = errors.flatMap((error) => {
    const at = `${prefix}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        return [`missing key ${at}/${String(params.missingProperty)}`];
      case 'additionalProperties':
        return [`extra key ${at}/${String(params.additionalProperty)}`];
      case 'type': {
        // The `null` branch of a nullable reference says nothing the other branch does not.
        if (params.type === 'null') return [];
        const got = describeValue(pointer(document, error.instancePath));
        return [`wrong type at ${at || '/'}: ${String(params.type)} expected, got ${got}`];
      }
      case 'anyOf':
        return [];
      default:
        return [`at ${at || '/'}: ${error.message ?? error.keyword}`];
    }
  });
  return [...new Set(lines)];
}

/**
 * Spryker's generated document made strict (every declared key, nothing else, the declared types)
 * and corrected where it is known to be wrong (spryker-schema-mistakes.ts), as a checker of the
 * stand-in's answers. Each schema is compiled once, when first needed.
 */
export class SprykerSchema {
  readonly #ajv: Ajv;
  readonly #templates: Template[];
  readonly #overrides: ReadonlyMap<string, JsonSchema>;
  readonly #attributesByType: ReadonlyMap<string, string>;
  /** Per document, the resource schemas its `included` may hold, by their attributes schema. */
  readonly #includable: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument, corrections: readonly SchemaCorrection[]) {
    const schemas = Object.fromEntries(
      Object.entries(document.components.schemas).map(([name, schema]) => [name, strict(schema)]),
    );
    this.#templates = Object.entries(document.paths).map(([path, operations]) => ({
      path,
      segments: templateSegments(path),
      operations,
    }));
    const documents = this.#documents(schemas);
    const resources = new Set<string>();
    const includable = new Map<string, Map<string, string>>();
    for (const name of documents.keys()) {
      const data = dataResourceOf(schemas, name);
      if (data !== null) resources.add(data);
      const byAttributes = new Map<string, string>();
      for (const resource of includedResourcesOf(schemas, name)) {
        const attributes = attributesOf(schemas, resource);
        if (attributes === null) continue;
        resources.add(resource);
        byAttributes.set(attributes, resource);
      }
      includable.set(name, byAttributes);
      // The `…Included` oneOf cannot tell resources apart: each is checked by its type instead.
      const document = schemas[name];
      if (document !== undefined && 'included' in propertiesOf(document)) {
        document.properties = { ...propertiesOf(document), included: { type: 'array' } };
      }
    }
    this.#includable = includable;
    this.#attributesByType = this.#resourceTypes(schemas);

    const editor = new SchemaEditor(schemas, documents, resources);
    for (const correction of corrections) correction.apply(editor);
    this.#overrides = editor.documentOverrides;
    for (const [document, added] of editor.includedAdditions) {
      const byAttributes = includable.get(document) ?? new Map<string, string>();
      for (const resource of added) {
        const attributes = attributesOf(schemas, resource);
        if (attributes !== null) byAttributes.set(attributes, resource);
      }
      includable.set(document, byAttributes);
    }
    // The document is Spryker's, not ours to lint: validating it against the meta-schema costs time.
    this.#ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    this.#ajv.addSchema({ components: { schemas } }, SCHEMA_ID);
  }

  /** Every schema a path answers with a JSON:API document, and whether its `data` is an array. */
  #documents(schemas: Record<string, JsonSchema>): Map<string, boolean> {
    const documents = new Map<string, boolean>();
    for (const template of this.#templates) {
      for (const operation of Object.values(template.operations)) {
        for (const response of Object.values(operation.responses ?? {})) {
          const name = responseSchemaName(response);
          const data = name === null ? undefined : propertiesOf(schemas[name]).data;
          if (name !== null && data !== undefined) documents.set(name, data.type === 'array');
        }
      }
    }
    return documents;
  }

  /** The checker of the project's copy of the document, with every known correction. */
  static load(
    file: string = SPRYKER_SCHEMA_FILE,
    corrections: readonly SchemaCorrection[] = SCHEMA_CORRECTIONS,
  ): SprykerSchema {
    return new SprykerSchema(parsedDocument(file), corrections);
  }

  /**
   * A resource's type is the last fixed segment of the GET paths that answer it: one resource
   * (`/orders/{orderId}`) before a collection (`/orders`), whose attributes may be fewer.
   */
  #resourceTypes(schemas: Record<string, JsonSchema>): Map<string, string> {
    const single = new Map<string, string>();
    const collection = new Map<string, string>();
    for (const template of this.#templates) {
      const name = responseSchemaName(template.operations.get?.responses?.['200']);
      const resource = name === null ? null : dataResourceOf(schemas, name);
      const attributes = resource === null ? null : attributesOf(schemas, resource);
      const type = template.segments.filter((segment) => segment !== null).at(-1);
      if (attributes === null || type === undefined || schemas[attributes] === undefined) continue;
      const target = template.segments.at(-1) === null ? single : collection;
      if (!target.has(type)) target.set(type, attributes);
    }
    return new Map([...collection, ...single, ...Object.entries(HAND_KEPT_RESOURCE_ATTRIBUTES)]);
  }

  /** The attributes schema of a resource type, as the checker reads `included`. */
  attributesSchemaOf(type: string): string | null {
    return this.#attributesByType.get(type) ?? null;
  }

  #validator(name: string): ValidateFunction {
    let validate = this.#validators.get(name);
    if (validate === undefined) {
      const override = this.#overrides.get(name);
      validate = this.#ajv.compile(
        override === undefined
          ? { $ref: `${SCHEMA_ID}${REF_PREFIX}${name}` }
          : { ...override, $id: `${SCHEMA_ID}-override-${name}` },
      );
      this.#validators.set(name, validate);
    }
    return validate;
  }

  #template(path: string): Template | null {
    const segments = pathSegments(path);
    let best: Template | null = null;
    let bestFixed = -1;
    for (const template of this.#templates) {
      if (template.segments.length !== segments.length) continue;
      const matches = template.segments.every((fixed, index) =>
        fixed === null ? (segments[index] ?? '') !== '' : fixed === segments[index],
      );
      const fixed = template.segments.filter((segment) => segment !== null).length;
      if (matches && fixed > bestFixed) {
        best = template;
        bestFixed = fixed;
      }
    }
    return best;
  }

  #isExtension(method: string, template: string): boolean {
    return NOT_IN_SPRYKERS_SCHEMA.some(
      (entry) =>
        (entry.method === '*' || entry.method === method) &&
        (entry.path === '*' || entry.path === template),
    );
  }

  /** Stand-in paths match a listed extension by their own pattern, e.g. `{sessionId}`. */
  #extensionTemplate(path: string): string | null {
    const segments = pathSegments(path);
    for (const entry of NOT_IN_SPRYKERS_SCHEMA) {
      if (entry.path === '*') continue;
      const fixed = templateSegments(entry.path);
      if (
        fixed.length === segments.length &&
        fixed.every((segment, index) => segment === null || segment === segments[index])
      ) {
        return entry.path;
      }
    }
    return null;
  }

  /** Every way the answer differs from Spryker's (corrected) schema; none when it conforms. */
  problems(answer: GlueAnswer): string[] {
    const method = answer.method.toUpperCase();
    const template = this.#template(answer.path);
    const isError = answer.status >= 400;
    if (!isError) {
      const extension = template === null ? this.#extensionTemplate(answer.path) : null;
      if (this.#isExtension(method, template?.path ?? extension ?? '')) return [];
    }
    if (!isError && template === null) {
      return [
        "the path is not in Spryker's schema: list it in NOT_IN_SPRYKERS_SCHEMA if it is the stand-in's own",
      ];
    }
    const operation = template?.operations[method.toLowerCase()];
    if (!isError && operation === undefined) {
      return [`Spryker's schema has no ${method} ${template?.path ?? ''}`];
    }
    // Glue's answer without a document, word for word; any other answer is checked as usual.
    const plain = PLAIN_TEXT_ANSWERS.some(
      (entry) =>
        entry.method === method &&
        entry.path === template?.path &&
        entry.status === answer.status &&
        entry.body === answer.body,
    );
    if (plain) return [];
    const responses = operation?.responses ?? {};
    const response = responses[String(answer.status)] ?? (isError ? responses.default : undefined);
    if (response === undefined && !isError) {
      return [
        `Spryker's schema declares no ${answer.status} for ${method} ${template?.path ?? ''}`,
      ];
    }
    // An error of a path or method Spryker does not know is still Glue's error document.
    const name = responseSchemaName(response) ?? (isError ? 'RestErrorMessage' : null);
    if (name === null) {
      return answer.body === ''
        ? []
        : [`a ${answer.status} answer has no body, got ${answer.body.slice(0, 60)}`];
    }
    let document: unknown;
    try {
      document = JSON.parse(answer.body);
    } catch {
      return [`the body is not JSON: ${answer.body.slice(0, 60)}`];
    }
    return [
      ...this.#documentProblems(name, document),
      ...(isError ? this.#errorStatusProblems(answer.status, document) : []),
    ];
  }

  #documentProblems(name: string, document: unknown): string[] {
    const validate = this.#validator(name);
    const problems = validate(document) ? [] : describeErrors(validate.errors ?? [], document, '');
    const included = isSchema(document) ? document.included : undefined;
    if (!Array.isArray(included)) return problems;
    const includable = this.#includable.get(name) ?? new Map<string, string>();
    included.forEach((resource: unknown, index) => {
      const at = `/included/${index}`;
      const type = isSchema(resource) ? resource.type : undefined;
      const attributes = typeof type === 'string' ? this.attributesSchemaOf(type) : null;
      const schema = attributes === null ? undefined : includable.get(attributes);
      if (schema === undefined) {
        problems.push(`${at}: ${name} cannot include a resource of type ${JSON.stringify(type)}`);
        return;
      }
      const validateResource = this.#validator(schema);
      if (!validateResource(resource)) {
        problems.push(...describeErrors(validateResource.errors ?? [], resource, at));
      }
    });
    return problems;
  }

  /** §1: the HTTP status equals the `status` of the last error. */
  #errorStatusProblems(status: number, document: unknown): string[] {
    const errors = isSchema(document) && Array.isArray(document.errors) ? document.errors : [];
    const last: unknown = errors[errors.length - 1];
    const lastStatus = isSchema(last) ? last.status : undefined;
    return lastStatus === undefined || lastStatus === status
      ? []
      : [`the HTTP status ${status} is not the last error's status ${JSON.stringify(lastStatus)}`];
  }
}

let loaded: SprykerSchema | null = null;

/** The checker, built once per process (per test worker). */
export function sprykerSchema(): SprykerSchema {
  loaded ??= SprykerSchema.load();
  return loaded;
}

/** Throws, listing every difference, when an answer does not match Spryker's schema. */
export function assertSprykerShape(
  answer: GlueAnswer,
  schema: SprykerSchema = sprykerSchema(),
): void {
  const problems = schema.problems(answer);
  if (problems.length === 0) return;
  const path = answer.path.split('?', 1)[0] ?? answer.path;
  throw new Error(
    `${answer.method.toUpperCase()} ${path} → ${answer.status} does not match Spryker's schema` +
      ` (docs/spryker, corrected in server/platform/spryker-schema-mistakes.ts):\n  ` +
      problems.join('\n  '),
  );
}
