import { jsxRenderer } from "hono/jsx-renderer";
import { Layout } from "./components/layout.tsx";

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation needs the interface
    (
      content: string | Promise<string>,
      props: { title: string; searchPage?: boolean },
    ): Response | Promise<Response>;
  }
}

/**
 * Hono's `jsxRenderer` with the page shell every page shares (`Layout`) and the doctype, so a
 * route renders only its content: `c.render(<CityPage … />, { title })`.
 *
 * @example
 * app.use(pageRenderer).get("/", (c) => c.render(<SearchPage … />, { title: "Search" }));
 */
export const pageRenderer = jsxRenderer(
  ({ children, title, searchPage }) => (
    <Layout title={title} searchPage={searchPage}>
      {children}
    </Layout>
  ),
  { docType: "<!doctype html>" },
);
