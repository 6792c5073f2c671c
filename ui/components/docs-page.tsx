import type { OpenAPIObject, OperationObject } from "openapi3-ts/oas31";

const METHODS = ["get", "post"] as const;

const Endpoint = ({
  path,
  method,
  operation,
}: {
  path: string;
  method: string;
  operation: OperationObject;
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

/**
 * `/docs`: the OpenAPI document of the API as a page people can read, generated from the same
 * document `/openapi.json` serves.
 *
 * @example
 * c.render(<DocsPage document={document} />, { title: document.info.title });
 */
export const DocsPage = ({ document }: { document: OpenAPIObject }) => (
  <>
    <h1 class="page-title">{document.info.title}</h1>
    <p>
      {document.info.description} Machine-readable: <a href="/openapi.json">/openapi.json</a>.
      Errors are always <code>{"{error: {code, message, details?}}"}</code>.
    </p>
    {Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [<Endpoint path={path} method={method} operation={operation} />] : [];
      }),
    )}
  </>
);
