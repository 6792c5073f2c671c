import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CLIENT_ENTRY = fileURLToPath(new URL("./client/search.ts", import.meta.url));
const STYLESHEET = fileURLToPath(new URL("./style.css", import.meta.url));

export type ClientAssets = { script: string; style: string };

/**
 * Bundles and minifies the page's client script and stylesheet in memory with esbuild, so
 * `npm start` needs no separate build step.
 *
 * @example
 * const { script, style } = await bundleClient();
 */
export const bundleClient = async (): Promise<ClientAssets> => {
  const [bundle, css] = await Promise.all([
    build({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
    }),
    readFile(STYLESHEET, "utf8"),
  ]);
  const style = (
    await build({
      stdin: { contents: css, loader: "css" },
      minify: true,
      write: false,
      logLevel: "silent",
    })
  ).outputFiles[0]?.text;
  return { script: bundle.outputFiles[0]?.text ?? "", style: style ?? "" };
};
