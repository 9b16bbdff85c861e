/**
 * The pure parts of scripts/check-package.ts: which packed paths are refused, how the
 * runtime dependency count is read from package-lock.json, and what the smoke-test consumers
 * assert. The script itself (build, publint, attw, install, run) is `npm run check:package`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  consumerFiles,
  forbiddenFiles,
  forbiddenMapSources,
  formatSize,
  missingEntries,
  readmeDrift,
  runtimeDependencies,
  SIZE_END,
  SIZE_START,
  sizeSentence,
  withSizeSentence,
} from "../../scripts/check-package.js";

describe("forbiddenFiles", () => {
  it("refuses tests, benches, examples, sources and fixtures, keeps the build", () => {
    const paths = [
      "dist/index.js",
      "dist/index.d.cts",
      "dist/msw.js.map",
      "msw/package.json",
      "spec/copilot.openapi.yaml",
      "README.md",
      "test/core/paginator.test.ts",
      "dist/paginator.test.js",
      "dist/public-api.test-d.ts",
      "bench/run.ts",
      "examples/seat-audit.ts",
      "src/index.ts",
      "generated/types.ts",
      "copilot-admin-sdk-0.1.0.tgz",
    ];
    expect(forbiddenFiles(paths)).toEqual(paths.slice(6));
  });
});

describe("forbiddenMapSources", () => {
  it("flags a source map that embeds a test or bench file", () => {
    expect(
      forbiddenMapSources({ sources: ["../src/index.ts", "../node_modules/p-retry/index.js"] }),
    ).toEqual([]);
    expect(
      forbiddenMapSources({ sources: ["../src/a.ts", "../test/support/x.ts", "..\\bench\\b.ts"] }),
    ).toEqual(["../test/support/x.ts", "..\\bench\\b.ts"]);
    expect(forbiddenMapSources({})).toEqual([]);
  });
});

describe("runtimeDependencies", () => {
  it("follows dependencies transitively, nested copies first, without dev or peer packages", () => {
    const lock = {
      packages: {
        "": {
          dependencies: { a: "1" },
          devDependencies: { dev: "1" },
          peerDependencies: { msw: "2" },
        },
        "node_modules/a": { dependencies: { b: "1", c: "1" } },
        "node_modules/a/node_modules/b": { dependencies: { c: "1" } },
        "node_modules/b": { dependencies: { unused: "1" } },
        "node_modules/c": { optionalDependencies: { d: "1" } },
        "node_modules/d": {},
        "node_modules/dev": {},
        "node_modules/msw": {},
        "node_modules/unused": {},
      },
    };
    expect(runtimeDependencies(lock)).toEqual(["b", "c", "d", "a"].sort());
  });

  it("counts this repository's runtime closure from its lockfile", () => {
    const root = join(import.meta.dirname, "..", "..");
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const installed = runtimeDependencies(lock);
    for (const name of Object.keys(pkg.dependencies)) expect(installed).toContain(name);
    expect(installed).not.toContain("msw");
    expect(installed).not.toContain("vitest");
  });
});

describe("formatSize", () => {
  it("uses B, kB and MB with 1024 steps", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 kB");
    expect(formatSize(3 * 1024 * 1024)).toBe("3.00 MB");
  });
});

describe("consumerFiles", () => {
  const files = consumerFiles();

  it("covers ESM, CJS, TypeScript node16 (both formats) and bundler", () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "esm.mjs",
        "cjs.cjs",
        "node16/esm.mts",
        "node16/cjs.cts",
        "bundler/main.ts",
      ]),
    );
    const node16 = JSON.parse(files["node16/tsconfig.json"]!);
    expect(node16.compilerOptions.moduleResolution).toBe("node16");
    const bundler = JSON.parse(files["bundler/tsconfig.json"]!);
    expect(bundler.compilerOptions.moduleResolution).toBe("bundler");
    expect(bundler.compilerOptions.skipLibCheck).toBe(false);
  });

  it("every consumer lists seats from the mock server and compares with total_seats", () => {
    for (const name of [
      "esm.mjs",
      "cjs.cjs",
      "node16/esm.mts",
      "node16/cjs.cts",
      "bundler/main.ts",
    ]) {
      const source = files[name]!;
      expect(source, name).toContain("startMockServer(");
      expect(source, name).toContain("client.seats.list(");
      expect(source, name).toContain("seats.length !== first.total_seats");
      expect(source, name).toContain("copilot-admin-sdk/msw");
    }
  });

  it("TypeScript consumers carry @ts-expect-error lines, so a too-loose type fails tsc", () => {
    for (const name of ["node16/esm.mts", "node16/cjs.cts", "bundler/main.ts"]) {
      expect(files[name]!.match(/@ts-expect-error/g)?.length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it("the msw probe hooks module resolution and the CJS probe has a positive control", () => {
    expect(files["deny-msw.mjs"]).toContain("register(");
    expect(files["main-without-msw.mjs"]).toContain('from "copilot-admin-sdk"');
    expect(files["main-without-msw.mjs"]).not.toContain("copilot-admin-sdk/msw");
    expect(files["main-without-msw.cjs"]).toContain("control failed");
    expect(files["main-without-require-esm.cjs"]).toContain('require("copilot-admin-sdk")');
  });
});

describe("readmeDrift", () => {
  const actual = { packedBytes: 640 * 1024, installed: 5 };

  it("accepts a README within 10% of the tarball size and with the same count", () => {
    const readme = "It is 600 kB packed and installs 5 packages.";
    expect(readmeDrift(readme, actual)).toBeUndefined();
  });

  it("reports a size more than 10% off, or a different package count", () => {
    expect(readmeDrift("It is 500 kB packed.", actual)).toContain("README says 500 kB packed");
    expect(readmeDrift("installs 4 packages", actual)).toContain(
      'README says "installs 4 packages"',
    );
  });

  it("does not fail a README that states neither", () => {
    expect(readmeDrift("# nothing here", actual)).toBeUndefined();
  });
});

describe("missingEntries", () => {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"),
  );

  it("names every export and bin target of package.json absent from the tarball", () => {
    const missing = missingEntries(manifest, ["package.json", "README.md"]);
    expect(missing).toContain("dist/index.js");
    expect(missing).toContain("dist/msw.d.cts");
    expect(missing).toContain("dist/copilot-mock.js");
  });

  it("is empty when the tarball holds them all", () => {
    const all = missingEntries(manifest, []);
    expect(all.length).toBeGreaterThan(4);
    expect(missingEntries(manifest, all)).toEqual([]);
  });
});

describe("README size sentence", () => {
  it("is written between the markers from the pack result, and passes the drift check", () => {
    const sentence = sizeSentence({ size: 700 * 1024, unpackedSize: 3.3 * 1024 * 1024 }, [
      "undici",
      "zod",
    ]);
    expect(sentence).toBe(
      "The package is 700.0 kB packed (3.30 MB unpacked, source maps included) and installs 2 packages: undici, zod.",
    );
    const readme = `# x\n${SIZE_START}\nThe package is 645 kB packed and installs 5 packages.\n${SIZE_END}\nrest\n`;
    const updated = withSizeSentence(readme, sentence) ?? "";
    expect(updated).toContain(`${SIZE_START}\n${sentence}\n${SIZE_END}\nrest`);
    expect(readmeDrift(readme, { packedBytes: 700 * 1024, installed: 2 })).toMatch(/README says/);
    expect(readmeDrift(updated, { packedBytes: 700 * 1024, installed: 2 })).toBeUndefined();
    expect(withSizeSentence("# no markers\n", sentence)).toBeUndefined();
    expect(readmeDrift("It is 1.03 MB packed.", { packedBytes: 700 * 1024, installed: 2 })).toMatch(
      /README says 1\.03 MB packed/,
    );
  });
});
