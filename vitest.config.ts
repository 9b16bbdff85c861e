import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 15_000,
    hookTimeout: 15_000,
    // No test may reach the internet: MSW or 127.0.0.1 servers only.
    unstubEnvs: true,
  },
});
