import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { nerfDart, renderNpmrc } from "../src/npmrc.ts";
import { publishRegistry, RegistryAuth, RegistryConfigError } from "../src/registry-guard.ts";

const token = "s3cret-token";
const basic = Buffer.from("ci-bot:pa ss:word").toString("base64");

describe("publishRegistry refuses", () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ["no registry configured", { SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not set/],
    ["an empty registry", { SEG_REGISTRY_URL: "  ", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not set/],
    ["something that is not a URL", { SEG_REGISTRY_URL: "npm.example.com", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not a URL/],
    ["a URL that is not http(s)", { SEG_REGISTRY_URL: "ftp://npm.example.com/", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL must be an http\(s\) URL/],
    ["credentials in the URL", { SEG_REGISTRY_URL: "https://me:pw@npm.example.com/", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL contains credentials/],
    ["a registry without credentials", { SEG_REGISTRY_URL: "https://npm.example.com/" }, /no credentials for https:\/\/npm\.example\.com.*SEG_REGISTRY_TOKEN.*SEG_REGISTRY_AUTH.*SEG_REGISTRY_USERNAME and SEG_REGISTRY_PASSWORD/],
    ["two ways to authenticate at once", { SEG_REGISTRY_URL: "https://npm.example.com/", SEG_REGISTRY_TOKEN: token, SEG_REGISTRY_AUTH: basic }, /SEG_REGISTRY_TOKEN and SEG_REGISTRY_AUTH are both set: set only one/],
    ["a username without a password", { SEG_REGISTRY_URL: "https://npm.example.com/", SEG_REGISTRY_USERNAME: "ci-bot" }, /SEG_REGISTRY_PASSWORD is not set: SEG_REGISTRY_USERNAME and SEG_REGISTRY_PASSWORD go together/],
    ["a password without a username", { SEG_REGISTRY_URL: "https://npm.example.com/", SEG_REGISTRY_PASSWORD: "pw" }, /SEG_REGISTRY_USERNAME is not set/],
    ["an _auth that is not base64", { SEG_REGISTRY_URL: "https://npm.example.com/", SEG_REGISTRY_AUTH: "ci-bot:password" }, /SEG_REGISTRY_AUTH is not base64 of "user:password"/],
    ["an _auth without a user", { SEG_REGISTRY_URL: "https://npm.example.com/", SEG_REGISTRY_AUTH: Buffer.from("password").toString("base64") }, /SEG_REGISTRY_AUTH is not base64 of "user:password"/],
  ])("%s", (_name, env, message) => {
    expect(() => publishRegistry(env)).toThrow(RegistryConfigError);
    expect(() => publishRegistry(env)).toThrow(message);
  });

  it.each([
    "https://registry.npmjs.org",
    "https://registry.npmjs.org/",
    "http://registry.npmjs.org/",
    "https://REGISTRY.NPMJS.ORG/",
    "https://registry.npmjs.org./",
    "https://registry.npmjs.org:443/some/path",
    "https://registry.npmjs.com/",
    "https://npmjs.com/",
    "https://www.npmjs.com/package/",
    "https://npmjs.org",
    "https://registry.yarnpkg.com/",
    "http://registry.yarnpkg.com",
  ])("the public registry: %s", (url) => {
    expect(() => publishRegistry({ SEG_REGISTRY_URL: url, SEG_REGISTRY_TOKEN: token })).toThrow(
      /SEG_REGISTRY_URL points at the public npm registry .*refusing to publish/,
    );
  });

  it("never repeats a credential in a message", () => {
    const url = "https://npm.example.com/";
    for (const env of [
      { SEG_REGISTRY_TOKEN: token },
      { SEG_REGISTRY_URL: "https://registry.npmjs.org/", SEG_REGISTRY_TOKEN: token },
      { SEG_REGISTRY_URL: url, SEG_REGISTRY_TOKEN: token, SEG_REGISTRY_AUTH: basic },
      { SEG_REGISTRY_URL: url, SEG_REGISTRY_AUTH: "not base64 s3cret" },
      { SEG_REGISTRY_URL: url, SEG_REGISTRY_PASSWORD: "s3cret-password" },
    ]) {
      expect(() => publishRegistry(env)).toThrow(RegistryConfigError);
      try {
        publishRegistry(env);
      } catch (error) {
        for (const secret of [token, basic, "s3cret", "ci-bot:"]) expect((error as Error).message).not.toContain(secret);
      }
    }
  });
});

describe("publishRegistry accepts a private registry", () => {
  it.each<[string, string]>([
    ["https://npm.example.com", "https://npm.example.com/"],
    ["https://nexus.example.com/repository/npm-private", "https://nexus.example.com/repository/npm-private/"],
    ["http://127.0.0.1:4873/", "http://127.0.0.1:4873/"],
    ["https://npm.pkg.github.com/", "https://npm.pkg.github.com/"],
    // Look-alikes are other hosts, not the public registry.
    ["https://registry.npmjs.org.example.com/", "https://registry.npmjs.org.example.com/"],
    ["https://mynpmjs.com/", "https://mynpmjs.com/"],
  ])("%s", (given, want) => {
    const registry = publishRegistry({ SEG_REGISTRY_URL: given, SEG_REGISTRY_TOKEN: ` ${token} ` });
    expect(registry.url).toBe(want);
    expect(registry.auth.kind).toBe("token");
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ["a token", { SEG_REGISTRY_TOKEN: token }, `:_authToken=${token}`],
    ["Basic _auth", { SEG_REGISTRY_AUTH: basic }, `:_auth=${basic}`],
    ["a username and password (npm wants the password base64-encoded)", { SEG_REGISTRY_USERNAME: "ci-bot", SEG_REGISTRY_PASSWORD: " pa ss " }, `:username=ci-bot\n//npm.example.com/:_password=${Buffer.from(" pa ss ").toString("base64")}`],
  ])("with %s", (_name, credentials, lines) => {
    const registry = publishRegistry({ SEG_REGISTRY_URL: "https://npm.example.com/", ...credentials });
    expect(renderNpmrc(registry)).toBe(`@seg:registry=https://npm.example.com/\n//npm.example.com/${lines}\n`);
  });

  it("keeps the credentials out of util.inspect and JSON.stringify", () => {
    for (const auth of [RegistryAuth.token(token), RegistryAuth.basic(basic), RegistryAuth.password("ci-bot", "s3cret-password")]) {
      const registry = { url: "https://npm.example.com/", auth };
      for (const shown of [inspect(registry, { depth: 5, showHidden: true }), JSON.stringify(registry)]) {
        expect(shown).toContain(auth.kind);
        for (const secret of [token, basic, "s3cret-password", Buffer.from("s3cret-password").toString("base64")]) expect(shown).not.toContain(secret);
      }
    }
  });
});

describe("the publish npmrc", () => {
  it.each<[string, string]>([
    ["http://127.0.0.1:4873/", "//127.0.0.1:4873/"],
    ["https://nexus.example.com/repository/npm-private/", "//nexus.example.com/repository/npm-private/"],
    ["https://npm.example.com/", "//npm.example.com/"],
  ])("keys the credentials by the registry's nerf dart: %s", (url, want) => {
    expect(nerfDart(url)).toBe(want);
    expect(renderNpmrc({ url, auth: RegistryAuth.token(token) })).toBe(`@seg:registry=${url}\n${want}:_authToken=${token}\n`);
  });
});
