/** The parts of a JSON Schema (as OpenAPI 3.1 writes it) a shape is read from. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** How deep a shape spells out nested objects before it writes `{…}`. */
const MAX_DEPTH = 3;

const union = (schemas: JsonSchema[], depth: number) =>
  schemas.map((schema) => schemaShape(schema, depth)).join(" | ");

const objectShape = (schema: JsonSchema, depth: number): string => {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    const values = schema.additionalProperties;
    return typeof values === "object" ? `{[key]: ${schemaShape(values, depth + 1)}}` : "object";
  }
  if (depth >= MAX_DEPTH) return "{…}";
  const fields = properties.map(([name, property]) => {
    const optional = schema.required?.includes(name) ? "" : "?";
    return `${name}${optional}: ${schemaShape(property, depth + 1)}`;
  });
  return `{${fields.join(", ")}}`;
};

/** Most values of an enum a shape lists; a longer one is given by its size. */
const MAX_ENUM_VALUES = 8;

/**
 * A JSON Schema as a one-line shape people read like a type: `{id: string, themes: [string]}`,
 * enums as their values (a long one, such as every error code, by its size: each error's example
 * names its own), optional fields with `?`, nested objects up to `MAX_DEPTH` levels.
 *
 * @example
 * schemaShape({ type: "object", properties: { id: { type: "string" } }, required: ["id"] }); // "{id: string}"
 */
export const schemaShape = (schema: JsonSchema, depth = 0): string => {
  if (schema.enum && schema.enum.length > MAX_ENUM_VALUES)
    return `${schema.type ?? "string"} (one of ${schema.enum.length} values)`;
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf ?? schema.oneOf) return union(schema.anyOf ?? schema.oneOf ?? [], depth);
  const type = [schema.type ?? "any"].flat().filter((t) => t !== "null");
  const nullable = [schema.type].flat().includes("null") ? " | null" : "";
  if (type.includes("array")) return `[${schemaShape(schema.items ?? {}, depth)}]${nullable}`;
  if (type.includes("object")) return `${objectShape(schema, depth)}${nullable}`;
  return `${type.join(" | ")}${nullable}`;
};
