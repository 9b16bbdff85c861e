// `node --import ./test/support/without-msw.mjs`: msw cannot be resolved, as when it is not installed.
import { register } from "node:module";

register("./without-msw-hooks.mjs", import.meta.url);
