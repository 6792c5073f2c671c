import { Hono } from "hono";
import type { OpenApiDocument } from "../create-api.ts";

type PathItem = NonNullable<OpenApiDocument["paths"]>[string];
type Operation = NonNullable<PathItem["get"]>;
const METHODS = ["get", "post"] as const;

const Endpoint = ({
  path,
  method,
  operation,
}: {
  path: string;
  method: string;
  operation: Operation;
}) => (
  <section>
    <h2>
      <code>
        {method.toUpperCase()} {path}
      </code>
    </h2>
    <p>{operation.summary}</p>
    {operation.parameters && operation.parameters.length > 0 && (
      <dl>
        {operation.parameters.flatMap((parameter) =>
          "name" in parameter
            ? [
                <>
                  <dt>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? ", required" : ""})
                  </dt>
                  <dd>{parameter.description}</dd>
                </>,
              ]
            : [],
        )}
      </dl>
    )}
    <p>Responses: {Object.keys(operation.responses ?? {}).join(", ")}</p>
  </section>
);

const DocsPage = ({ document }: { document: OpenApiDocument }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{document.info.title}</title>
      <link rel="stylesheet" href="/assets/style.css" />
    </head>
    <body>
      <main>
        <h1>{document.info.title}</h1>
        <p>
          {document.info.description} Machine-readable: <a href="/openapi.json">/openapi.json</a>.
          Errors are always <code>{"{error: {code, message, details?}}"}</code>.
        </p>
        {Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
          METHODS.flatMap((method) => {
            const operation = item[method];
            return operation
              ? [<Endpoint path={path} method={method} operation={operation} />]
              : [];
          }),
        )}
      </main>
    </body>
  </html>
);

/**
 * `GET /openapi.json` and `GET /docs`, a readable page generated from the same document.
 *
 * @example
 * app.route("/", docsRoutes(api.getOpenAPI31Document(config)));
 */
export const docsRoutes = (document: OpenApiDocument) =>
  new Hono()
    .get("/openapi.json", (c) => c.json(document))
    .get("/docs", (c) => c.html(`<!doctype html>${DocsPage({ document })}`));
