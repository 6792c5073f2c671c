import { Hono } from "hono";
import { type OpenApiDocument, openApiDocument } from "../openapi.ts";

const Endpoint = ({
  path,
  method,
  operation,
}: {
  path: string;
  method: string;
  operation: OpenApiDocument["paths"][string][string];
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
        {operation.parameters.map((parameter) => (
          <>
            <dt>
              <code>{parameter.name}</code> ({parameter.in}
              {parameter.required ? ", required" : ""})
            </dt>
            <dd>{parameter.description}</dd>
          </>
        ))}
      </dl>
    )}
    <p>Responses: {Object.keys(operation.responses).join(", ")}</p>
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
        {Object.entries(document.paths).flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, operation]) => (
            <Endpoint path={path} method={method} operation={operation} />
          )),
        )}
      </main>
    </body>
  </html>
);

/**
 * `GET /openapi.json` and `GET /docs`, a readable page generated from the same document.
 *
 * @example
 * app.route("/", docsRoutes());
 */
export const docsRoutes = () => {
  const document = openApiDocument();
  return new Hono()
    .get("/openapi.json", (c) => c.json(document))
    .get("/docs", (c) => c.html(`<!doctype html>${DocsPage({ document })}`));
};
