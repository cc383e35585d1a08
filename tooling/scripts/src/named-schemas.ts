// Gives every schema of a spec a name of its own in the generated types. openapi-typescript writes a
// schema only as a member of `components["schemas"]`, so TypeScript shows its structure, never its
// name, in hovers and errors. Here each member's type becomes `export type <Name> = …` and the
// member refers to it: `components["schemas"]["X"]` still works, and `X` is what users see.
import ts from "typescript";

/** Names the generated file declares at its top level; a schema may not take one. */
const TOP_LEVEL = new Set(["paths", "webhooks", "components", "$defs", "operations"]);

const isNamed = (node: ts.Node, name: string): boolean =>
  (ts.isPropertySignature(node) || ts.isInterfaceDeclaration(node)) && ts.isIdentifier(node.name) && node.name.text === name;

/** Every type name the nodes refer to (`Record`, `components`, …). */
function referencedNames(nodes: readonly ts.Node[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.add(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  nodes.forEach(visit);
  return names;
}

/**
 * The name a schema is exported by: its own where that is a TypeScript identifier no generated
 * name takes; else its words in PascalCase (`contact-list` → `ContactList`, `v2.Error` →
 * `V2Error`), with `Schema` appended where that would still shadow a generated name (`Record` →
 * `RecordSchema`). `components["schemas"]["contact-list"]` keeps the spec's own name.
 */
export function schemaTypeName(name: string, taken: ReadonlySet<string>): string {
  const identifier = /^[A-Za-z_$][\w$]*$/.test(name)
    ? name
    : name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join("")
        .replace(/^(?=\d)|^$/, "Schema");
  return taken.has(identifier) ? `${identifier}Schema` : identifier;
}

function schemaName(member: ts.TypeElement, taken: Set<string>): string {
  const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
  if (name === undefined) throw new Error("components.schemas: a schema without a name");
  const exported = schemaTypeName(name, taken);
  if (taken.has(exported)) {
    throw new Error(`components.schemas: ${name} would be exported as ${exported}, a name another schema or the generated code takes; rename it in the spec`);
  }
  taken.add(exported);
  return exported;
}

export interface NamedSchemas {
  /** The nodes with the schemas hoisted into named, exported type aliases. */
  nodes: ts.Node[];
  /** The schema names, in spec order. */
  names: string[];
}

export function nameSchemas(nodes: readonly ts.Node[]): NamedSchemas {
  const components = nodes.find((node): node is ts.InterfaceDeclaration => isNamed(node, "components"));
  const schemas = components?.members.find((member): member is ts.PropertySignature => isNamed(member, "schemas"));
  if (!components || !schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return { nodes: [...nodes], names: [] };

  const taken = new Set([...TOP_LEVEL, ...referencedNames(nodes)]);
  const names: string[] = [];
  const aliases: ts.TypeAliasDeclaration[] = [];
  const members = schemas.type.members.map((member) => {
    if (!ts.isPropertySignature(member) || !member.type) return member;
    const name = schemaName(member, taken);
    names.push(name);
    const alias = ts.factory.createTypeAliasDeclaration(
      [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      name,
      undefined,
      member.type,
    );
    // openapi-typescript puts the schema's description on the member as a synthetic comment.
    ts.setSyntheticLeadingComments(alias, ts.getSyntheticLeadingComments(member));
    aliases.push(alias);
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, ts.factory.createTypeReferenceNode(name));
  });

  const rewritten = ts.factory.updateInterfaceDeclaration(
    components,
    components.modifiers,
    components.name,
    components.typeParameters,
    components.heritageClauses,
    components.members.map((member) =>
      member === schemas
        ? ts.factory.updatePropertySignature(schemas, schemas.modifiers, schemas.name, schemas.questionToken, ts.factory.updateTypeLiteralNode(schemas.type as ts.TypeLiteralNode, ts.factory.createNodeArray(members)))
        : member,
    ),
  );
  const at = nodes.indexOf(components);
  return { nodes: [...nodes.slice(0, at), rewritten, ...aliases, ...nodes.slice(at + 1)], names };
}

/** `src/generated/schemas.ts`: the list of schema names a vendor package exports. */
export function schemasSource(names: readonly string[], source: string): string {
  const list = names.length ? `export type {\n${names.map((name) => `  ${name},\n`).join("")}} from "./schema.ts";\n` : "export {};\n";
  return `/**
 * This file was generated from ${source} by \`pnpm generate\`.
 * Do not make direct changes to the file.
 */

// Every schema of the spec, by its name.
${list}`;
}
