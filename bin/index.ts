import { runIndexCli } from "../indexer/cli.ts";

process.exitCode = await runIndexCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stderr.isTTY === true,
});
