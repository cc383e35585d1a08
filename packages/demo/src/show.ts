// How the demo prints: one line for what it did, one indented line for what came back.
export function show(label: string, value: unknown): void {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  console.log(`${label}\n    ${text.length > 220 ? `${text.slice(0, 217)}...` : text}`);
}

export function section(title: string): void {
  console.log(`\n== ${title}`);
}
