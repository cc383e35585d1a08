// packages/<vendor>/src/client.ts: `create<Vendor>Client`, its options and its auth, all from the
// spec's clientShape: one option per credential, URL variable and bound value, each with its
// environment variable, and `baseUrl` (one host) or `baseUrls` (several).
import type { Credential } from "@seg/spec";
import type { VendorFacts } from "../facts.ts";

const CREDENTIAL_DOCS: Record<Credential["kind"], (credential: Credential, option: string) => string> = {
  header: (credential, option) => `The ${option === "apiKey" ? "API key" : option}, sent as \`${(credential as { header: string }).header}: <key>\` on every authenticated request.`,
  bearer: () => "The API token, sent as `Authorization: Bearer <token>` on every authenticated request.",
  basic: (_, option) => `The ${option}, sent with HTTP Basic (\`Authorization: Basic …\`) on every authenticated request.`,
  exchange: (_, option) => `The ${option} the client exchanges for a bearer token (HTTP Basic), cached and renewed for you.`,
  body: (credential) => `The API token, written into the JSON body wherever the spec binds \`${(credential as { bind: string }).bind}\`, never a header or the URL.`,
  none: () => "",
};

/** An object key as written by hand: bare when it is an identifier. */
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** The `auth` strategy expression and the @seg/core names it needs. */
function authOf(credential: Credential): { expression: string; imports: string[] } {
  switch (credential.kind) {
    case "header":
      return { expression: `headerKeyAuth({ header: ${JSON.stringify(credential.header)}, key: apiKey, field: "apiKey" })`, imports: ["headerKeyAuth"] };
    case "bearer":
      return { expression: 'headerKeyAuth({ header: "Authorization", prefix: "Bearer ", key: token, field: "token" })', imports: ["headerKeyAuth"] };
    case "basic":
      return { expression: "basicAuth(username, password)", imports: ["basicAuth"] };
    case "body":
      return { expression: `bodyTokenAuth({ field: ${JSON.stringify(credential.bind)}, ${credential.bind === "token" ? "token" : `token: ${credential.bind}`} })`, imports: ["bodyTokenAuth"] };
    case "exchange":
      return { expression: "auth", imports: ["basicAuth", "tokenExchangeAuth", "type AuthStrategy"] };
    case "none":
      return { expression: "noAuth", imports: ["noAuth"] };
  }
}

function optionDocs(facts: VendorFacts): string[] {
  const { shape, variables, servers } = facts;
  const lines: string[] = [];
  for (const option of shape.options) {
    const what =
      option.from === "credential"
        ? CREDENTIAL_DOCS[shape.credential.kind](shape.credential, option.name)
        : `Filled into ${(variables[option.name] ?? []).map((key) => `\`${key}\``).join(" and ")} for you (${option.from === "bind" ? "`x-seg-bind`" : "a server URL variable"}).`;
    lines.push(`  /** ${what} Required. Default: \`${option.env}\`. */`, `  ${option.name}?: string;`);
  }
  const [defaultEnvironment] = facts.environments;
  if (defaultEnvironment !== undefined) {
    lines.push(
      `  /** Which environment to call (\`x-seg-environment\`). Default \`${JSON.stringify(defaultEnvironment)}\`; ignored when ${shape.multiHost ? "`baseUrls` is" : "`baseUrl` is"} given. */`,
      `  environment?: ${facts.pascal}Environment;`,
    );
  }
  const prefix = shape.vendor.toUpperCase();
  if (shape.multiHost) {
    lines.push(
      `  /** Replace each host's base URL (a sandbox, a proxy); give every host or none. Default: \`${prefix}_<HOST>_BASE_URL\`, else the spec's. */`,
      `  baseUrls?: Partial<Record<${facts.pascal}Host, string>>;`,
    );
  } else {
    const [url = ""] = Object.values(servers);
    lines.push(`  /** Replace \`${url}\` (a sandbox, a proxy). Default: \`${prefix}_BASE_URL\`, else the spec's. */`, "  baseUrl?: string;");
  }
  return lines;
}

export function clientTs(facts: VendorFacts): string {
  const { vendor, pascal, shape, variables, commaQuery, exchange } = facts;
  const auth = authOf(shape.credential);
  const core = [
    ...(shape.multiHost ? [] : ["checkBaseUrl"]),
    "createVendorClient",
    ...(facts.environments.length ? ["environmentBaseUrls"] : []),
    ...auth.imports.filter((name) => !name.startsWith("type ")),
    ...(shape.options.length ? ["requireCredential"] : []),
    "userAgent",
    ...auth.imports.filter((name) => name.startsWith("type ")),
    "type ClientMethod",
    "type TransportOptions",
    "type VendorClient",
  ];
  const givenName = (name: string): string => `given${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const hostOption = shape.multiHost ? "baseUrls" : "baseUrl";
  const destructured = [...shape.options.map((option) => `${option.name}: ${givenName(option.name)}`), hostOption, ...(facts.environments.length ? ["environment"] : []), "...transport"].join(", ");
  const [host = "api"] = shape.hosts;
  const environments = facts.environments.length > 0;
  const given = shape.multiHost ? "baseUrls" : `{ ${key(host)}: checkBaseUrl(baseUrl, "baseUrl") }`;
  // The base URLs asked for: given ones, else the chosen environment's, else (undefined) the spec's defaults.
  const chosenUrls = shape.multiHost
    ? environments ? "baseUrls ?? environmentBaseUrls(environments, environment)" : "baseUrls"
    : `baseUrl === undefined ? ${environments ? "environmentBaseUrls(environments, environment)" : "undefined"} : ${given}`;
  const hosts = shape.multiHost && !environments ? "    baseUrls," : environments ? `    baseUrls: ${chosenUrls},` : `    ...(baseUrl === undefined ? {} : { baseUrls: ${given} }),`;
  const variableEntries = Object.entries(variables).flatMap(([option, keys]) => keys.map((name) => (name === option ? option : `${key(name)}: ${option}`)));
  const exchangeLines = exchange
    ? [
        "  const credentials = basicAuth(username, password);",
        "  // The exchange's own errors are redacted of every token issued so far too; until `auth` exists, of the credentials.",
        "  const issued: { auth?: AuthStrategy } = {};",
        "  const secrets = (): readonly string[] => issued.auth?.secrets() ?? credentials.secrets();",
        "  const auth = tokenExchangeAuth({",
        `    exchange: tokenExchange({ ...transport, ${chosenUrls === "baseUrls" ? "baseUrls" : `baseUrls: ${chosenUrls}`}, variables, credentials, secrets, userAgent: agent }),`,
        "    secrets: credentials.secrets(),",
        "  });",
        "  issued.auth = auth;",
      ]
    : [];
  return [
    "import {",
    ...core.map((name) => `  ${name},`),
    '} from "@seg/core";',
    'import { name, version } from "../package.json" with { type: "json" };',
    `import { ${environments ? "environments, " : ""}operations, servers } from "./generated/operations.ts";`,
    `import type { ${pascal}Path, ${pascal}Paths } from "./paths.ts";`,
    ...(exchange ? ['import { tokenExchange } from "./token.ts";'] : []),
    "",
    ...(shape.multiHost ? [`/** The ${facts.title} hosts, by the spec's \`x-seg-host\` names. */`, `export type ${pascal}Host = keyof typeof servers;`, ""] : []),
    ...(environments ? [`/** The ${facts.title} environments, by the spec's \`x-seg-environment\` names. */`, `export type ${pascal}Environment = keyof typeof environments;`, ""] : []),
    `export interface ${pascal}Options extends TransportOptions {`,
    ...optionDocs(facts),
    "}",
    "",
    `/** Every documented ${facts.title} operation, typed from specs/${vendor}.yaml. */`,
    "// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name",
    `export interface ${pascal}Client extends VendorClient<${pascal}Paths, { [Method in ClientMethod]: ${pascal}Path<Method> }> {}`,
    "",
    "/**",
    ` * A configured ${facts.title} client: the credentials go into every authenticated request${variableEntries.length ? ", the other options into the URLs and bodies the spec binds them to" : ""}.`,
    " *",
    ` *     const ${vendor} = create${pascal}Client({ ${shape.options.map((option) => option.name).join(", ")} });`,
    " */",
    `export function create${pascal}Client(options: ${pascal}Options = {}): ${pascal}Client {`,
    `  const { ${destructured} } = options;`,
    ...shape.options.map((option) => `  const ${option.name} = requireCredential(${givenName(option.name)}, ${JSON.stringify(option.name)}, ${JSON.stringify(option.env)});`),
    ...(exchange || variableEntries.length ? [`  const variables = {${variableEntries.length ? ` ${variableEntries.join(", ")} ` : ""}};`] : []),
    ...(exchange ? ["  const agent = userAgent({ name, version });"] : []),
    ...exchangeLines,
    `  return createVendorClient<${pascal}Paths>({`,
    "    ...transport,",
    `    vendor: ${JSON.stringify(vendor)},`,
    "    servers,",
    "    operations,",
    hosts,
    ...(exchange || variableEntries.length ? ["    variables,"] : []),
    auth.expression === "auth" ? "    auth," : `    auth: ${auth.expression},`,
    `    userAgent: ${exchange ? "agent" : "userAgent({ name, version })"},`,
    ...(commaQuery ? ["    // The spec writes array query parameters as one comma-separated value (`style: form, explode: false`).", '    querySerializer: { array: { style: "form", explode: false } },'] : []),
    "  });",
    "}",
    "",
  ].join("\n");
}
