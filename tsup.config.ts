import { defineConfig } from "tsup";

// Two public entries (`copilot-admin-sdk`, `copilot-admin-sdk/msw`) and the mock server's bin,
// each as ESM + CJS with declarations. msw stays external: only the /msw entry loads it.
export default defineConfig({
  entry: { index: "src/index.ts", msw: "src/mock/index.ts", "copilot-mock": "src/mock/cli.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", msw: "src/mock/index.ts" } },
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
  external: ["msw", "ioredis"],
});
