// A JSON value written as a TypeScript literal the way a person would: identifier keys unquoted,
// short objects and arrays on one line, longer ones one entry per line.

const WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const key = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

export function tsLiteral(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return value === undefined ? "undefined" : JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value).map(([name, item]) => `${key(name)}: ${tsLiteral(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const flat = `${open}${entries.join(", ")}${close}`;
  if (!flat.includes("\n") && indent.length + flat.length <= WIDTH) return flat;
  return `${open.trim()}\n${entries.map((entry) => `${inner}${entry},`).join("\n")}\n${indent}${close.trim()}`;
}
