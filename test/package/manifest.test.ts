/**
 * package.json as npm and Node.js read it: an exports map with types first for each
 * format, every published path inside the `files` whitelist and produced by the tsup build,
 * msw an optional peer only, and the node10 stub of the /msw entry in step with the map.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Options } from "tsup";
import { describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";

const ROOT = join(import.meta.dirname, "..", "..");
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

interface Conditions {
  types: string;
  default: string;
}
interface Manifest {
  type: string;
  main: string;
  module: string;
  types: string;
  sideEffects: boolean;
  engines: { node: string };
  files: string[];
  bin: Record<string, string>;
  exports: Record<string, string | { import: Conditions; require: Conditions }>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

const pkg = readJson("package.json") as Manifest;

/** `files` entries are plain paths or `dir/*.ext` globs; `*` never crosses a `/`. */
function published(path: string): boolean {
  const normalized = path.replace(/^\.\//, "");
  return pkg.files.some((pattern) => {
    const regex = new RegExp(
      `^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*")}(/.*)?$`,
    );
    return regex.test(normalized);
  });
}

/** The file names the tsup build writes: `<entry>.<ext>` per format, declarations per entry. */
function builtFiles(): Set<string> {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const files = new Set<string>();
  for (const config of configs) {
    const entries = Object.keys(config.entry as Record<string, string>);
    for (const format of config.format as string[]) {
      for (const entry of entries) {
        const dtsOnly = typeof config.dts === "object" && config.dts.only === true;
        if (!dtsOnly) files.add(`dist/${entry}.${format === "cjs" ? "cjs" : "js"}`);
        if (config.dts) files.add(`dist/${entry}.${format === "cjs" ? "d.cts" : "d.ts"}`);
      }
    }
  }
  return files;
}

const entryPoints = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { import: Conditions; require: Conditions }] =>
    typeof entry[1] === "object",
);

describe("exports map", () => {
  it("has the two public entries and package.json", () => {
    expect(Object.keys(pkg.exports).sort()).toEqual([".", "./msw", "./package.json"]);
  });

  it.each(entryPoints)("%s lists types first, then default, per format", (_name, conditions) => {
    expect(Object.keys(conditions)).toEqual(["import", "require"]);
    for (const [format, target] of Object.entries(conditions)) {
      expect(Object.keys(target)).toEqual(["types", "default"]);
      // ESM types are .d.ts next to .js, CJS types .d.cts next to .cjs (same base name).
      const [types, code] = format === "import" ? [".d.ts", ".js"] : [".d.cts", ".cjs"];
      expect(target.types.endsWith(types)).toBe(true);
      expect(target.default.endsWith(code)).toBe(true);
      expect(target.types.slice(0, -types.length)).toBe(target.default.slice(0, -code.length));
    }
  });

  it("every published entry file is built by tsup and inside the files whitelist", () => {
    const built = builtFiles();
    const targets = [
      pkg.main,
      pkg.module,
      pkg.types,
      ...Object.values(pkg.bin),
      ...entryPoints.flatMap(([, c]) => [
        c.import.types,
        c.import.default,
        c.require.types,
        c.require.default,
      ]),
    ].map((path) => path.replace(/^\.\//, ""));
    for (const target of targets) {
      expect(built, target).toContain(target);
      expect(published(target), target).toBe(true);
    }
  });

  it("the top-level fields agree with the exports map", () => {
    const main = pkg.exports["."] as { import: Conditions; require: Conditions };
    expect(pkg.main).toBe(main.require.default);
    expect(pkg.module).toBe(main.import.default);
    expect(pkg.types).toBe(main.import.types);
  });
});

describe("the files whitelist", () => {
  it("publishes no tests, sources, benches or examples", () => {
    for (const path of [
      "test/core/paginator.test.ts",
      "src/index.ts",
      "bench/run.ts",
      "examples/seat-audit.ts",
      "generated/types.ts",
      "scripts/check-package.ts",
    ]) {
      expect(published(path), path).toBe(false);
    }
    expect(published("spec/copilot.openapi.yaml")).toBe(true);
  });
});

describe("dependencies", () => {
  it("is an ES module package without side effects, for Node.js >= 20.18.1", () => {
    expect(pkg.type).toBe("module");
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe(">=20.18.1");
  });

  it("msw and ioredis are optional peers, never runtime dependencies", () => {
    for (const name of ["msw", "ioredis"]) {
      expect(pkg.dependencies[name]).toBeUndefined();
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
    }
  });
});

describe("msw/package.json (node10 resolution of copilot-admin-sdk/msw)", () => {
  it("points at the same files as the exports map", () => {
    const stub = readJson("msw/package.json") as { main: string; module: string; types: string };
    const msw = pkg.exports["./msw"] as { import: Conditions; require: Conditions };
    const fromStub = (path: string) => `./${join("msw", path)}`;
    expect(fromStub(stub.main)).toBe(msw.require.default);
    expect(fromStub(stub.module)).toBe(msw.import.default);
    expect(fromStub(stub.types)).toBe(msw.require.types);
    expect(published("msw/package.json")).toBe(true);
  });
});
