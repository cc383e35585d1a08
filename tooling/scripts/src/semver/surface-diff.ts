// Classifies the difference between two API reports (API Extractor's `.api.md`) of one entry point:
// exports added or removed, interface members added or removed, declarations changed. The report's
// code block is TypeScript, so it is read with the TypeScript parser, not with regular expressions.
// Declarations generated from the spec (`paths`, `components`, `operations`, …) are left to the
// spec rules, which know which side of a call a change is on.
import ts from "typescript";
import { ChangeList } from "./change-list.ts";
import type { Change } from "./rules.ts";

interface Declaration {
  exported: boolean;
  text: string;
  /** Interface (or object type) members by name, with their text and whether they are optional. */
  members?: Map<string, { text: string; optional: boolean }>;
  /** The interface's `extends` clause and type parameters: a change there is a declaration change. */
  head?: string;
}

const printer = ts.createPrinter({ removeComments: true });

/** API Extractor renames a declaration that collides with another (`operations` → `operations_2`). */
const baseName = (name: string): string => name.replace(/_\d+$/, "");

const codeOf = (report: string): string => /```ts\r?\n([\s\S]*?)\r?\n```/.exec(report)?.[1] ?? "";

function membersOf(source: ts.SourceFile, members: ts.NodeArray<ts.TypeElement>): Declaration["members"] {
  const found = new Map<string, { text: string; optional: boolean }>();
  for (const member of members) {
    const name = member.name ? member.name.getText(source) : printer.printNode(ts.EmitHint.Unspecified, member, source);
    const previous = found.get(name);
    const text = printer.printNode(ts.EmitHint.Unspecified, member, source);
    found.set(name, { text: previous ? `${previous.text}\n${text}` : text, optional: member.questionToken !== undefined });
  }
  return found;
}

function readReport(report: string): { declarations: Map<string, Declaration>; inputs: Set<string> } {
  const source = ts.createSourceFile("report.ts", codeOf(report), ts.ScriptTarget.Latest, true);
  const declarations = new Map<string, Declaration>();
  const add = (name: string, declaration: Declaration) => {
    const previous = declarations.get(name);
    declarations.set(name, previous ? { ...previous, exported: previous.exported || declaration.exported, text: `${previous.text}\n${declaration.text}` } : declaration);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) add(element.name.text, { exported: true, text: `export { ${element.getText(source)} }` });
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const text = printer.printNode(ts.EmitHint.Unspecified, statement, source);
    if (ts.isInterfaceDeclaration(statement)) {
      const head = `${statement.typeParameters?.map((p) => p.getText(source)).join(",") ?? ""} ${statement.heritageClauses?.map((h) => h.getText(source)).join(" ") ?? ""}`;
      add(statement.name.text, { exported, text, members: membersOf(source, statement.members), head });
    } else if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) {
      add(statement.name.text, { exported, text, members: membersOf(source, statement.type.members), head: statement.typeParameters?.map((p) => p.getText(source)).join(",") ?? "" });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) add(declaration.name.getText(source), { exported, text });
    } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      add((statement.name as ts.Identifier).text, { exported, text });
    }
  }
  return { declarations, inputs: inputTypes(source) };
}

/**
 * Names of types a caller builds and passes in: those named in a parameter of a function, method
 * or constructor and never in a return type. Adding a required member to one breaks its callers;
 * adding one to a type callers only receive does not.
 */
function inputTypes(source: ts.SourceFile): Set<string> {
  const inParameters = new Set<string>();
  const inReturns = new Set<string>();
  const collect = (node: ts.Node | undefined, into: Set<string>) => {
    const visit = (n: ts.Node): void => {
      if (ts.isTypeReferenceNode(n)) into.add(baseName(n.typeName.getText(source)));
      ts.forEachChild(n, visit);
    };
    if (node) visit(node);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      for (const parameter of node.parameters) collect(parameter.type, inParameters);
      collect(node.type, inReturns);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Set([...inParameters].filter((name) => !inReturns.has(name)));
}

/** `entry` names the report in messages (`@seg/segmetrics/adapter`); `generated` are spec-derived names. */
export function diffReports(before: string | undefined, after: string, entry: string, generated: ReadonlySet<string>): Change[] {
  const changes = new ChangeList();
  const old = before === undefined ? new Map<string, Declaration>() : readReport(before).declarations;
  const { declarations: now, inputs } = readReport(after);

  for (const [name, declaration] of old) {
    const next = now.get(name);
    if (declaration.exported && !next?.exported) {
      changes.add("export-removed", name, { note: entry });
      continue;
    }
    if (next === undefined || generated.has(baseName(name)) || next.text === declaration.text) continue;
    if (declaration.members && next.members && declaration.head === next.head) {
      for (const [member, { text }] of declaration.members) {
        const after = next.members.get(member);
        if (after === undefined) changes.add("member-removed", `${name}.${member}`, { note: entry });
        else if (after.text !== text) changes.add("declaration-changed", `${name}.${member}`, { note: entry });
      }
      for (const [member, { optional }] of next.members) {
        if (declaration.members.has(member)) continue;
        changes.add(!optional && inputs.has(baseName(name)) ? "member-added-to-input" : "member-added", `${name}.${member}`, { note: entry });
      }
    } else {
      changes.add("declaration-changed", name, { note: entry });
    }
  }
  for (const [name, declaration] of now) {
    if (declaration.exported && !old.get(name)?.exported) changes.add("export-added", name, { note: entry });
  }
  return changes.list();
}
