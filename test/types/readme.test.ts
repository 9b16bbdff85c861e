/**
 * Every TypeScript block of README.md compiles against the sources under
 * `--strict --exactOptionalPropertyTypes --noUncheckedIndexedAccess`, as a strict user would
 * compile it. A block is a snippet: the names it uses without declaring them (`client`, `org`,
 * the package's exports) are declared for it, nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The ```ts blocks of the README, with the line each starts on. */
const blocks = [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)].map((match) => ({
  line: readme.slice(0, match.index).split("\n").length,
  code: match[2]!.replace(new RegExp(`^${match[1]}`, "gm"), ""),
}));

/** What a snippet may use without declaring it. */
const CONTEXT: [name: string, declaration: string][] = [
  ["client", 'declare const client: import("copilot-admin-sdk").CopilotClient;'],
  ["org", "declare const org: string;"],
  ["logins", "declare const logins: string[];"],
  ["app", "declare const app: { getInstallationToken(): Promise<string> };"],
  ["retryLater", "declare function retryLater(names: string[]): Promise<void>;"],
];
const EXPORTS = [
  "CopilotClient",
  "BulkOperationError",
  "CopilotError",
  "seatLogin",
  "isUserAssignee",
];

function withContext(code: string): string {
  const declares = (name: string) =>
    new RegExp(`\\b(const|let|function)\\s+${name}\\b|\\bimport\\s*\\{[^}]*\\b${name}\\b`).test(
      code,
    );
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(code);
  const missing = EXPORTS.filter((name) => used(name) && !declares(name));
  const prelude = [
    missing.length ? `import { ${missing.join(", ")} } from "copilot-admin-sdk";` : "",
    ...CONTEXT.filter(([name]) => used(name) && !declares(name)).map(([, d]) => d),
  ];
  return `${prelude.join("\n")}\n${code}\nexport {};\n`;
}

function diagnostics(): Map<number, string[]> {
  const files = new Map(
    blocks.map((block, i) => [
      join(root, "test/types", `readme-block-${i}.ts`),
      withContext(block.code),
    ]),
  );
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    paths: {
      "copilot-admin-sdk": [join(root, "src/index.ts")],
      "copilot-admin-sdk/msw": [join(root, "src/mock/index.ts")],
    },
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = files.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<number, string[]>();
  [...files.keys()].forEach((name, i) => {
    const source = program.getSourceFile(name);
    const found = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    out.set(blocks[i]!.line, found);
  });
  return out;
}

describe("README TypeScript blocks", () => {
  it("there are blocks to check", () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it("each compiles under --strict --exactOptionalPropertyTypes --noUncheckedIndexedAccess", {
    timeout: 180_000,
  }, () => {
    const found = diagnostics();
    const failing = [...found].filter(([, messages]) => messages.length > 0);
    expect(Object.fromEntries(failing.map(([line, m]) => [`README.md:${line}`, m]))).toEqual({});
  });
});
