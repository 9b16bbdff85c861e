#!/usr/bin/env node
/** The `copilot-admin` bin: {@link runCli} on the process's arguments, streams and environment. */
import { runCli } from "./program.js";

// `copilot-admin audit --csv | head`: the reader left, stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
