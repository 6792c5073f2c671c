import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from "openapi3-ts/oas31";
import { type JsonSchema, schemaShape } from "../schema-shape.ts";

const METHODS = ["get", "post"] as const;

/**
 * A description as people read it: OpenAPI descriptions are CommonMark, and the ones here use
 * only code spans (`Allow`), so each one becomes <code> and the rest stays text.
 */
const Prose = ({ text = "" }: { text?: string | undefined }) => (
  <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>
);

/** An example as people read it: JSON pretty-printed, text as it is. */
const exampleText = (example: unknown) =>
  typeof example === "string" ? example : JSON.stringify(example, null, 2);

/** What a parameter takes: its values when it has a list of them, else its type. */
const takes = (schema: JsonSchema) => {
  const item = schema.type === "array" ? (schema.items ?? {}) : schema;
  const values = item.enum ? `one of ${item.enum.join(", ")}` : schemaShape(item);
  return schema.type === "array" ? `${values} (repeatable)` : values;
};

const Parameters = ({ parameters, of }: { parameters: ParameterObject[]; of: string }) => (
  // A region that scrolls sideways on a phone, reachable by keyboard.
  <section class="docs-scroll" aria-label={`Parameters of ${of}`} tabindex={0}>
    <table class="docs-table">
      <caption class="visually-hidden">Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Takes</th>
          <th scope="col">Example</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((parameter) => {
          const schema = (parameter.schema ?? {}) as JsonSchema & { example?: unknown };
          return (
            <tr>
              <th scope="row">
                <code>{parameter.name}</code> ({parameter.in}
                {parameter.required ? ", required" : ""})
              </th>
              <td>{takes(schema)}</td>
              <td>
                <code>{[schema.example ?? ""].flat().join(", ")}</code>
              </td>
              <td>
                <Prose text={parameter.description} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </section>
);

const ResponseItem = ({ status, response }: { status: string; response: ResponseObject }) => {
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  return (
    <div class="docs-response">
      <h4>
        {status}{" "}
        <span class="docs-response__meaning">
          <Prose text={response.description} />
        </span>
      </h4>
      {media?.schema ? (
        <p>
          <code>{type}</code>:{" "}
          <code class="docs-shape">{schemaShape(media.schema as JsonSchema)}</code>
        </p>
      ) : null}
      {media?.example === undefined ? null : (
        <details>
          <summary>Example</summary>
          <pre class="docs-example">
            <code>{exampleText(media.example)}</code>
          </pre>
        </details>
      )}
    </div>
  );
};

const Endpoint = (props: { path: string; method: string; operation: OperationObject }) => {
  const { path, method, operation } = props;
  const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => "name" in p);
  const id = operation.operationId ?? `${method}-${path}`;
  return (
    <section class="docs-endpoint" aria-labelledby={id}>
      <h2 id={id}>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h2>
      <p>
        <strong>{operation.summary}</strong> <Prose text={operation.description} />
      </p>
      {operation.security?.length ? <p>Needs a bearer token (ADMIN_TOKEN).</p> : null}
      {parameters.length > 0 ? (
        <Parameters parameters={parameters} of={`${method.toUpperCase()} ${path}`} />
      ) : null}
      <h3>Responses</h3>
      {Object.entries(operation.responses ?? {}).map(([status, response]) => (
        <ResponseItem status={status} response={response as ResponseObject} />
      ))}
    </section>
  );
};

/** Every operation of the document, in its order, as [path, method, operation]. */
const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [[path, method, item[method]] as const] : [])),
  );

/**
 * `/docs`: the API reference, rendered on the server from the document `/openapi.json` serves,
 * readable without JavaScript and with nothing from another origin: each operation with its
 * parameters (valid values, examples), responses (meaning, shape, example body) and errors.
 *
 * @example
 * c.render(<DocsPage document={document} />, { title: document.info.title });
 */
export const DocsPage = ({ document }: { document: OpenAPIObject }) => (
  <>
    <h1 class="page-title">{document.info.title}</h1>
    <p>
      {document.info.description} Machine-readable: <a href="/openapi.json">/openapi.json</a>{" "}
      (OpenAPI {document.openapi}). Every error is{" "}
      <code>{"{error: {code, message, details?}}"}</code> whose message says in plain words what was
      wrong.
    </p>
    <nav aria-label="Operations">
      <ul class="docs-index">
        {operationsOf(document).map(([path, method, operation]) => (
          <li>
            <a href={`#${operation.operationId}`}>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </a>{" "}
            {operation.summary}
          </li>
        ))}
      </ul>
    </nav>
    {operationsOf(document).map(([path, method, operation]) => (
      <Endpoint path={path} method={method} operation={operation} />
    ))}
  </>
);
