import { describe, expect, it } from "vitest";
import { nerfDart, renderNpmrc } from "../src/npmrc.ts";
import { publishRegistry, RegistryConfigError } from "../src/registry-guard.ts";

const token = "s3cret-token";

describe("publishRegistry refuses", () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ["no registry configured", { SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not set/],
    ["an empty registry", { SEG_REGISTRY_URL: "  ", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not set/],
    ["something that is not a URL", { SEG_REGISTRY_URL: "npm.example.com", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL is not a URL/],
    ["a URL that is not http(s)", { SEG_REGISTRY_URL: "ftp://npm.example.com/", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL must be an http\(s\) URL/],
    ["credentials in the URL", { SEG_REGISTRY_URL: "https://me:pw@npm.example.com/", SEG_REGISTRY_TOKEN: token }, /SEG_REGISTRY_URL contains credentials/],
    ["a registry without a token", { SEG_REGISTRY_URL: "https://npm.example.com/" }, /SEG_REGISTRY_TOKEN is not set/],
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

  it("never repeats the token in a message", () => {
    for (const env of [{ SEG_REGISTRY_TOKEN: token }, { SEG_REGISTRY_URL: "https://registry.npmjs.org/", SEG_REGISTRY_TOKEN: token }]) {
      expect(() => publishRegistry(env)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(token) as unknown }));
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
    expect(publishRegistry({ SEG_REGISTRY_URL: given, SEG_REGISTRY_TOKEN: ` ${token} ` })).toEqual({ url: want, token });
  });
});

describe("the publish npmrc", () => {
  it.each<[string, string]>([
    ["http://127.0.0.1:4873/", "//127.0.0.1:4873/"],
    ["https://nexus.example.com/repository/npm-private/", "//nexus.example.com/repository/npm-private/"],
    ["https://npm.example.com/", "//npm.example.com/"],
  ])("keys the token by the registry's nerf dart: %s", (url, want) => {
    expect(nerfDart(url)).toBe(want);
    expect(renderNpmrc({ url, token })).toBe(`@seg:registry=${url}\n${want}:_authToken=${token}\n`);
  });
});
