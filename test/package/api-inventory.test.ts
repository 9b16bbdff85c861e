/**
 * scripts/api-inventory.ts on a small fixture package: what `etc/api.md` shows of each kind
 * of export, what it hides, and that it is deterministic (api:check compares it byte for byte).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInventory } from "../../scripts/api-inventory.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "inventory");
const ENTRIES = [{ name: "fixture", file: "src/index.ts" }];

let inventory = "";
beforeAll(() => {
  inventory = buildInventory(FIXTURE, ENTRIES);
}, 30_000);

/** The fenced code under the `### <kind> \`name\`` heading. */
function block(kind: string, name: string): string {
  const start = inventory.indexOf(`### ${kind} \`${name}\``);
  if (start === -1) throw new Error(`no ${kind} ${name} in the inventory`);
  const code = inventory.indexOf("```ts\n", start) + 6;
  return inventory.slice(code, inventory.indexOf("\n```", code));
}

describe("api inventory", () => {
  it("lists every export of the entry under its public name, with its source", () => {
    expect(inventory).toContain("## `fixture`\n\n4 exports.");
    expect(block("function", "assist")).toBe("function assist(x: number): { doubled: number; };");
    expect(inventory).toContain("<sub>src/widget.ts (as helper)</sub>");
    expect(block("const", "LIMIT")).toBe("const LIMIT: 100;");
    expect(block("interface", "WidgetOptions")).toBe(
      "interface WidgetOptions {\n    size?: number;\n}",
    );
  });

  it("prints a class's public members only, overloads without their implementation", () => {
    const widget = block("class", "Widget");
    expect(widget).toContain("  readonly parts: Part[];");
    expect(widget).toContain("  constructor(options?: WidgetOptions);");
    expect(widget).toContain("  pick(id: string): Part;\n  pick(index: number): Part | undefined;");
    expect(widget).not.toContain("string | number");
    expect(widget).not.toContain("secret");
    expect(widget).not.toContain("hidden");
  });

  it("cuts a long inferred type and appends a hash of the whole", () => {
    const table = block("class", "Widget")
      .split("\n")
      .find((line) => line.includes("table:"));
    expect(table).toMatch(
      /readonly table: \{ .* … \/\* \d+ characters, sha256 [0-9a-f]{12} \*\/;$/,
    );
  });

  it("adds the declarations public signatures reach without exporting them", () => {
    const reachable = inventory.slice(inventory.indexOf("## Reachable, not exported by name"));
    expect(reachable).toContain("### interface `Part`");
    expect(reachable).not.toContain("WidgetOptions");
  });

  it("is deterministic", () => {
    expect(buildInventory(FIXTURE, ENTRIES)).toBe(inventory);
  }, 30_000);
});
