/**
 * Every TypeScript block of README.md compiles under the strictest flags a user may have
 * (`strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`), against the sources
 * as `copilot-admin-sdk` and `copilot-admin-sdk/msw`. Each block is its own module; the few
 * names a block uses without defining (`client`, `org`, ...) are declared in PRELUDE.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** What README blocks take as given, as a reader of that section would. */
const PRELUDE = `import type { CopilotClient as Client } from "copilot-admin-sdk";
declare global {
  const CopilotClient: typeof import("copilot-admin-sdk").CopilotClient;
  const BulkOperationError: typeof import("copilot-admin-sdk").BulkOperationError;
  const CopilotError: typeof import("copilot-admin-sdk").CopilotError;
  const client: Client;
  const org: string;
  const logins: string[];
  function retryLater(names: string[]): Promise<void>;
  const app: { getInstallationToken(): Promise<string> };
}
export {};
`;

/** The ```ts blocks of a markdown text, with the line each starts on. */
function typeScriptBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const pattern = /^```ts\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, match.index).split("\n").length, code: match[1] ?? "" });
  }
  return blocks;
}

// Inside the repository (.cache is git-ignored), so `msw/node` and @types resolve as for a user.
mkdirSync(join(ROOT, ".cache"), { recursive: true });
const work = mkdtempSync(join(ROOT, ".cache", "readme-types-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("README.md TypeScript blocks", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = typeScriptBlocks(readme);

  it("finds every block, one per ```ts fence", () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks).toHaveLength(readme.split(/^```ts$/m).length - 1);
  });

  it("compile under --strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", {
    timeout: 120_000,
  }, () => {
    mkdirSync(work, { recursive: true });
    const files = [join(work, "prelude.ts")];
    writeFileSync(files[0] as string, PRELUDE);
    for (const [i, block] of blocks.entries()) {
      const file = join(work, `block-${String(i).padStart(2, "0")}-line-${block.line}.ts`);
      writeFileSync(file, `${block.code}\nexport {};\n`);
      files.push(file);
    }
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules", "@types")],
      skipLibCheck: true,
      noEmit: true,
      baseUrl: ROOT,
      paths: {
        "copilot-admin-sdk": ["src/index.ts"],
        "copilot-admin-sdk/msw": ["src/mock/index.ts"],
      },
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName.startsWith(work))
      .map((d) => {
        const where = d.file
          ? `${d.file.fileName.slice(work.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
          : "";
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(errors).toEqual([]);
  });
});
