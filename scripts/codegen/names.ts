/** Identifier and literal helpers shared by the emitters. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined z"
  ).split(" "),
);

/**
 * camelCase JavaScript identifier for a spec name: `copilot-seat-details` →
 * `copilotSeatDetails`, `copilot/list-copilot-seats` → `listCopilotSeats` (the
 * operationId's tag prefix is dropped). Reserved words get a trailing `_`.
 */
export function identifier(name: string): string {
  const base = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words
    .map((word, i) => (i === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1))
    .join("");
  if (id === "" || /^[0-9]/.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

/** An object-literal key: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  // A literal `__proto__:` key would set the object's prototype instead of defining a property.
  if (key === "__proto__") return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A JavaScript literal for a JSON value (strings double-quoted). */
export function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** Text safe inside a `/** ... *\/` comment; continuation lines get their ` * `. */
export function commentText(text: string): string {
  return text.replaceAll("*/", "*\\/").trim().split(/\r?\n/).join("\n * ");
}
