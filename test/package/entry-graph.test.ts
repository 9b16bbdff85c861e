/**
 * The main entry must not load msw: `copilot-admin-sdk` is installed without it (msw is an
 * optional peer used by `copilot-admin-sdk/msw` only). Walks the import graph of each entry's
 * sources, static and dynamic imports alike, the way the bundler sees it. check:package
 * proves the same on the built tarball at run time.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

interface Graph {
  /** Repository files reached, relative to the root. */
  files: Set<string>;
  /** Bare package specifiers imported anywhere in the graph (`msw`, `zod`, `node:http`, ...). */
  packages: Set<string>;
}

/** Follows relative imports from `entry` (NodeNext style: `./x.js` is `./x.ts`). */
function importGraph(entry: string): Graph {
  const graph: Graph = { files: new Set(), packages: new Set() };
  const queue = [join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(ROOT, file).replaceAll("\\", "/");
    if (graph.files.has(name)) continue;
    graph.files.add(name);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith(".")) {
        graph.packages.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
      if (!existsSync(target)) throw new Error(`${name}: cannot resolve ${specifier}`);
      queue.push(target);
    }
  }
  return graph;
}

const isMsw = (specifier: string) => specifier === "msw" || specifier.startsWith("msw/");

describe("copilot-admin-sdk (src/index.ts)", () => {
  const graph = importGraph("src/index.ts");

  it("never imports msw, directly or through another module", () => {
    expect([...graph.packages].filter(isMsw)).toEqual([]);
  });

  it("does not reach into the mock kit", () => {
    expect([...graph.files].filter((file) => file.startsWith("src/mock/"))).toEqual([]);
  });

  it("imports only its declared dependencies and Node.js built-ins at run time", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const allowed = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.peerDependencies).filter((name) => name !== "msw"),
    ]);
    const undeclared = [...graph.packages].filter((specifier) => {
      if (specifier.startsWith("node:")) return false;
      const name = specifier.startsWith("@")
        ? specifier.split("/").slice(0, 2).join("/")
        : specifier.split("/")[0]!;
      return !allowed.has(name);
    });
    expect(undeclared).toEqual([]);
  });
});

describe("copilot-admin-sdk/msw (src/mock/index.ts)", () => {
  it("imports msw (the walk above would see it)", () => {
    expect([...importGraph("src/mock/index.ts").packages].some(isMsw)).toBe(true);
  });
});
