/**
 * `npm run api:update` writes `etc/api.md`, an inventory of the public surface: every export of
 * `copilot-admin-sdk` (src/index.ts) and `copilot-admin-sdk/msw` (src/mock/index.ts) with its
 * kind and signature, and the declarations those signatures reach without exporting them by
 * name (the resource classes behind `client.seats`, ...). `npm run api:check` fails when the
 * file is out of date, so a pull request that changes the public API shows it in the diff of
 * `etc/api.md`. In the spirit of api-extractor's report, built on the TypeScript compiler API.
 *
 * Declarations are printed without comments or bodies; private and `#private` class members
 * are left out. Types from `generated/` and dependencies are named, not expanded:
 * `npm run generate:check` guards those.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = join(ROOT, "etc", "api.md");

/** The package entries and their source files. */
export const ENTRIES = [
  { name: "copilot-admin-sdk", file: "src/index.ts" },
  { name: "copilot-admin-sdk/msw", file: "src/mock/index.ts" },
] as const;

const FORMAT =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

interface Inventory {
  /** The package root: `src/` under it is "own source", paths are printed relative to it. */
  root: string;
  program: ts.Program;
  checker: ts.TypeChecker;
  printer: ts.Printer;
}

function isPrivate(member: ts.ClassElement): boolean {
  if (member.name && ts.isPrivateIdentifier(member.name)) return true;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
}

/** Source syntax without comments, on one line. */
function syntax(inv: Inventory, node: ts.Node): string {
  return inv.printer
    .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
    .replace(/\s+/g, " ")
    .replace(/\{ \}/g, "{}");
}

/**
 * `<T>(a: A, b?: B): R` from the declaration's own syntax, as a .d.ts would print it; the
 * checker fills in a return type the source leaves to inference.
 */
function signatureText(inv: Inventory, node: ts.SignatureDeclaration): string {
  const typeParameters = node.typeParameters
    ? `<${node.typeParameters.map((p) => syntax(inv, p)).join(", ")}>`
    : "";
  const params = node.parameters.map((p) => printParameter(inv, p)).join(", ");
  if (ts.isConstructorDeclaration(node)) return `(${params})`;
  let returns: string;
  if (node.type) returns = syntax(inv, node.type);
  else {
    const signature = inv.checker.getSignatureFromDeclaration(node);
    returns = signature ? typeText(inv, signature.getReturnType(), node) : "unknown";
  }
  return `${typeParameters}(${params}): ${returns}`;
}

function isOverloadImplementation(node: ts.FunctionLikeDeclaration): boolean {
  const parent = node.parent as ts.Node & {
    members?: ts.NodeArray<ts.Node>;
    statements?: ts.NodeArray<ts.Node>;
  };
  const siblings = parent.members ?? parent.statements ?? [];
  const name = node.name?.getText();
  return siblings.some(
    (other) =>
      other !== node &&
      (ts.isMethodDeclaration(other) || ts.isFunctionDeclaration(other)) &&
      other.body === undefined &&
      other.name?.getText() === name,
  );
}

function memberName(member: ts.ClassElement): string {
  return member.name ? member.name.getText() : "";
}

function modifiers(member: ts.ClassElement): string {
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return [
    flags & ts.ModifierFlags.Static ? "static " : "",
    flags & ts.ModifierFlags.Abstract ? "abstract " : "",
    flags & ts.ModifierFlags.Readonly ? "readonly " : "",
  ].join("");
}

/** A class as `class Name<T> extends Base { members }`, public members only. */
function printClass(inv: Inventory, node: ts.ClassDeclaration, name: string): string {
  const source = node.getSourceFile();
  const typeParameters = node.typeParameters
    ? `<${node.typeParameters.map((p) => p.getText(source)).join(", ")}>`
    : "";
  const heritage = (node.heritageClauses ?? []).map((c) => ` ${c.getText(source)}`).join("");
  const lines = [`class ${name}${typeParameters}${heritage} {`];
  for (const member of node.members) {
    if (isPrivate(member) || ts.isClassStaticBlockDeclaration(member)) continue;
    if (ts.isConstructorDeclaration(member)) {
      lines.push(`  constructor${signatureText(inv, member)};`);
    } else if (ts.isMethodDeclaration(member)) {
      // An implementation behind overloads is not callable as written.
      if (member.body && isOverloadImplementation(member)) continue;
      const optional = member.questionToken ? "?" : "";
      lines.push(
        `  ${modifiers(member)}${memberName(member)}${optional}${signatureText(inv, member)};`,
      );
    } else if (ts.isPropertyDeclaration(member)) {
      const optional = member.questionToken ? "?" : "";
      const type = member.type
        ? syntax(inv, member.type)
        : typeText(inv, inv.checker.getTypeAtLocation(member), member);
      lines.push(`  ${modifiers(member)}${memberName(member)}${optional}: ${type};`);
    } else if (ts.isGetAccessorDeclaration(member)) {
      lines.push(`  ${modifiers(member)}get ${memberName(member)}${signatureText(inv, member)};`);
    } else if (ts.isSetAccessorDeclaration(member)) {
      const params = member.parameters.map((p) => printParameter(inv, p)).join(", ");
      lines.push(`  ${modifiers(member)}set ${memberName(member)}(${params});`);
    }
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * A type the source leaves to inference, as the checker prints it. Inferred types of
 * operations expand to thousands of characters; past `LONG` the text is cut and followed by a
 * hash of the whole, so any change to it still changes the inventory.
 */
function typeText(inv: Inventory, type: ts.Type, at: ts.Node): string {
  // A type not in scope at `at` prints as import("/abs/path").Name; the name is enough.
  const text = inv.checker
    .typeToString(type, at, FORMAT)
    .replace(/import\("[^"]*"\)\./g, "")
    .replace(/\s+/g, " ");
  if (text.length <= LONG) return text;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return `${text.slice(0, LONG)} … /* ${text.length} characters, sha256 ${hash} */`;
}

const LONG = 240;

/** `name?: Type` of a parameter; the checker's type when the source has no annotation. */
function printParameter(inv: Inventory, p: ts.ParameterDeclaration): string {
  const source = p.getSourceFile();
  const rest = p.dotDotDotToken ? "..." : "";
  const optional = p.questionToken || p.initializer ? "?" : "";
  const type = p.type ? syntax(inv, p.type) : typeText(inv, inv.checker.getTypeAtLocation(p), p);
  const modifier = ts.getCombinedModifierFlags(p) & ts.ModifierFlags.Readonly ? "readonly " : "";
  return `${modifier}${rest}${p.name.getText(source)}${optional}: ${type}`;
}

/** The declaration text of one exported (or reachable) declaration. */
function printDeclaration(inv: Inventory, node: ts.Declaration, name: string): string {
  if (ts.isClassDeclaration(node)) return printClass(inv, node, name);
  if (ts.isFunctionDeclaration(node)) return `function ${name}${signatureText(inv, node)};`;
  if (ts.isVariableDeclaration(node)) {
    if (node.type) return `const ${name}: ${syntax(inv, node.type)};`;
    const type = typeText(inv, inv.checker.getTypeAtLocation(node), node);
    // A schema or table is clearer as its definition than as its expanded type.
    if (type.length <= 200 || !node.initializer) return `const ${name}: ${type};`;
    return `const ${name} = ${inv.printer.printNode(ts.EmitHint.Expression, node.initializer, node.getSourceFile())};`;
  }
  if (
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node)
  ) {
    const text = inv.printer.printNode(
      ts.EmitHint.Unspecified,
      stripExport(node),
      node.getSourceFile(),
    );
    return text;
  }
  return `${ts.SyntaxKind[node.kind]} ${name}`;
}

/** The node without `export`/`declare`, so a re-exported name reads the same as a local one. */
function stripExport<T extends ts.Node>(node: T): T {
  if (!ts.canHaveModifiers(node)) return node;
  const kept = ts
    .getModifiers(node)
    ?.filter(
      (m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DeclareKeyword,
    );
  if (ts.isInterfaceDeclaration(node)) {
    return ts.factory.updateInterfaceDeclaration(
      node,
      kept,
      node.name,
      node.typeParameters,
      node.heritageClauses,
      node.members,
    ) as unknown as T;
  }
  if (ts.isTypeAliasDeclaration(node)) {
    return ts.factory.updateTypeAliasDeclaration(
      node,
      kept,
      node.name,
      node.typeParameters,
      node.type,
    ) as unknown as T;
  }
  if (ts.isEnumDeclaration(node)) {
    return ts.factory.updateEnumDeclaration(node, kept, node.name, node.members) as unknown as T;
  }
  return node;
}

function kindOf(node: ts.Declaration): string {
  if (ts.isClassDeclaration(node)) return "class";
  if (ts.isFunctionDeclaration(node)) return "function";
  if (ts.isVariableDeclaration(node)) return "const";
  if (ts.isInterfaceDeclaration(node)) return "interface";
  if (ts.isTypeAliasDeclaration(node)) return "type";
  if (ts.isEnumDeclaration(node)) return "enum";
  return ts.SyntaxKind[node.kind];
}

function isOwnSource(inv: Inventory, node: ts.Node): boolean {
  const file = relative(inv.root, node.getSourceFile().fileName).replaceAll("\\", "/");
  return (
    file.startsWith("src/") && !inv.program.isSourceFileFromExternalLibrary(node.getSourceFile())
  );
}

/** The declarations in src/ that a declaration's syntax names (types, bases, `typeof`). */
function referenced(inv: Inventory, node: ts.Node): ts.Declaration[] {
  const found: ts.Declaration[] = [];
  const addSymbol = (symbol: ts.Symbol | undefined): void => {
    if (!symbol) return;
    const target =
      symbol.flags & ts.SymbolFlags.Alias ? inv.checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target.declarations ?? []) {
      if (isTopLevel(declaration) && isOwnSource(inv, declaration)) found.push(declaration);
    }
  };
  const addType = (type: ts.Type): void => {
    addSymbol(type.aliasSymbol ?? type.getSymbol());
    for (const argument of type.aliasTypeArguments ?? [])
      addSymbol(argument.aliasSymbol ?? argument.getSymbol());
  };
  const visit = (child: ts.Node): void => {
    if (ts.isClassElement(child) && isPrivate(child)) return;
    if (ts.isTypeReferenceNode(child)) addSymbol(inv.checker.getSymbolAtLocation(child.typeName));
    else if (ts.isExpressionWithTypeArguments(child))
      addSymbol(inv.checker.getSymbolAtLocation(child.expression));
    else if (ts.isTypeQueryNode(child)) addSymbol(inv.checker.getSymbolAtLocation(child.exprName));
    if (ts.isBlock(child)) return;
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  // Members whose type is inferred name their types only through the checker.
  if (ts.isClassDeclaration(node)) {
    for (const member of node.members) {
      if (isPrivate(member)) continue;
      if (ts.isPropertyDeclaration(member) && !member.type)
        addType(inv.checker.getTypeAtLocation(member));
      if (ts.isMethodDeclaration(member) && !member.type) {
        for (const signature of inv.checker.getTypeAtLocation(member).getCallSignatures()) {
          addType(signature.getReturnType());
        }
      }
    }
  }
  return found;
}

function isTopLevel(node: ts.Declaration): boolean {
  if (ts.isVariableDeclaration(node)) return ts.isSourceFile(node.parent.parent.parent);
  return (
    (ts.isClassDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node)) &&
    ts.isSourceFile(node.parent)
  );
}

function declarationName(node: ts.Declaration): string {
  const name = ts.getNameOfDeclaration(node);
  return name ? name.getText() : "(anonymous)";
}

interface Entry {
  name: string;
  kind: string;
  text: string;
  file: string;
}

function section(inv: Inventory, file: string, reachable: Map<ts.Declaration, string>): Entry[] {
  const source = inv.program.getSourceFile(join(inv.root, file));
  if (!source) throw new Error(`${file} is not in the program`);
  const module = inv.checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file} has no exports`);
  const entries: Entry[] = [];
  for (const exported of inv.checker.getExportsOfModule(module)) {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? inv.checker.getAliasedSymbol(exported) : exported;
    const declarations = (target.declarations ?? []).filter(
      (d) =>
        !ts.isModuleDeclaration(d) &&
        !(ts.isFunctionDeclaration(d) && d.body && isOverloadImplementation(d)),
    );
    const [first] = declarations;
    if (!first) continue;
    const name = exported.getName();
    const local = declarationName(first);
    // Overloads print one line each; merged interfaces and classes print their first declaration.
    const printed = ts.isFunctionDeclaration(first) ? declarations : [first];
    entries.push({
      name,
      kind: kindOf(first),
      text: printed.map((d) => printDeclaration(inv, d, name)).join("\n"),
      file: `${relative(inv.root, first.getSourceFile().fileName)}${local === name ? "" : ` (as ${local})`}`,
    });
    for (const declaration of printed) {
      for (const reached of referenced(inv, declaration)) {
        if (!reachable.has(reached)) reachable.set(reached, declarationName(reached));
      }
    }
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

function render(entries: Entry[]): string {
  return entries
    .map(
      (e) => `### ${e.kind} \`${e.name}\`\n\n<sub>${e.file}</sub>\n\n\`\`\`ts\n${e.text}\n\`\`\`\n`,
    )
    .join("\n");
}

/** A package entry: its import specifier and its source file, relative to the root. */
export interface InventoryEntry {
  name: string;
  file: string;
}

/**
 * The whole inventory as Markdown: the exports of `entries` (compiled with this repository's
 * tsconfig options), then what they reach in `<root>/src/` without exporting it.
 */
export function buildInventory(
  root: string = ROOT,
  entries: readonly InventoryEntry[] = ENTRIES,
): string {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram({
    rootNames: entries.map((e) => join(root, e.file)),
    options: { ...parsed.options, noEmit: true },
  });
  const inv: Inventory = {
    root,
    program,
    checker: program.getTypeChecker(),
    printer: ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }),
  };
  const reachable = new Map<ts.Declaration, string>();
  const parts = [
    "# API inventory",
    "",
    "Every export of the package's two entries, with its kind and signature, and the",
    "declarations those signatures reach without exporting them by name. Generated by",
    "`npm run api:update` (scripts/api-inventory.ts); `npm run api:check` fails when it is out",
    "of date. Review a change to this file as a change to the public API.",
    "",
  ];
  const exportedDeclarations = new Set<ts.Declaration>();
  for (const entry of entries) {
    const exported = section(inv, entry.file, reachable);
    parts.push(`## \`${entry.name}\``, "", `${exported.length} exports.`, "", render(exported));
  }
  for (const entry of entries) {
    const source = program.getSourceFile(join(root, entry.file));
    const module = source && inv.checker.getSymbolAtLocation(source);
    for (const exported of module ? inv.checker.getExportsOfModule(module) : []) {
      const target =
        exported.flags & ts.SymbolFlags.Alias ? inv.checker.getAliasedSymbol(exported) : exported;
      for (const d of target.declarations ?? []) exportedDeclarations.add(d);
    }
  }
  // Follow reachable declarations transitively, skipping what is exported by name.
  const queue = [...reachable.keys()];
  const unexported: Entry[] = [];
  const done = new Set<ts.Declaration>();
  while (queue.length > 0) {
    const declaration = queue.shift()!;
    if (done.has(declaration) || exportedDeclarations.has(declaration)) continue;
    if (
      ts.isFunctionDeclaration(declaration) &&
      declaration.body &&
      isOverloadImplementation(declaration)
    )
      continue;
    done.add(declaration);
    const name = declarationName(declaration);
    unexported.push({
      name,
      kind: kindOf(declaration),
      text: printDeclaration(inv, declaration, name),
      file: relative(inv.root, declaration.getSourceFile().fileName),
    });
    queue.push(...referenced(inv, declaration));
  }
  unexported.sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file));
  parts.push(
    "## Reachable, not exported by name",
    "",
    "Declarations in src/ that the public signatures above use.",
    "",
    render(unexported),
  );
  return `${parts.join("\n").trimEnd()}\n`;
}

function main(): void {
  const check = process.argv.includes("--check");
  const text = buildInventory();
  if (!check) {
    writeFileSync(OUTPUT, text);
    process.stdout.write(`wrote ${relative(ROOT, OUTPUT)}\n`);
    return;
  }
  let current = "";
  try {
    current = readFileSync(OUTPUT, "utf8");
  } catch {
    // a missing file is a difference
  }
  if (current === text) {
    process.stdout.write(`${relative(ROOT, OUTPUT)} is up to date\n`);
    return;
  }
  const before = current.split("\n");
  const after = text.split("\n");
  const removed = before.filter((line) => !after.includes(line));
  const added = after.filter((line) => !before.includes(line));
  process.stderr.write(
    `${relative(ROOT, OUTPUT)} is out of date: the public API changed. Review, then run npm run api:update.\n` +
      [
        ...removed.slice(0, 40).map((l) => `- ${l}`),
        ...added.slice(0, 40).map((l) => `+ ${l}`),
      ].join("\n") +
      "\n",
  );
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
