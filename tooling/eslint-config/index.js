// Shared flat config: every package's eslint.config.js is `export default config(import.meta.dirname)`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** @param {string} tsconfigRootDir the package directory, so type-aware rules find its tsconfig */
export function config(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ["dist/**", "src/generated/**", ".cache/**", "coverage/**", "*.config.*", "bin.js"] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/consistent-type-imports": "error",
        "@typescript-eslint/no-explicit-any": "error",
        "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
        "@typescript-eslint/no-unnecessary-type-parameters": "off",
      },
    },
    {
      // Type-level tests reference what must not compile; the expression is the assertion.
      files: ["**/*.test-d.ts"],
      rules: {
        "@typescript-eslint/no-unused-expressions": "off",
        "@typescript-eslint/no-unsafe-assignment": "off",
        "@typescript-eslint/no-meaningless-void-operator": "off",
      },
    },
    {
      files: ["**/*.test.ts", "**/*.test-d.ts", "test/**"],
      rules: {
        "@typescript-eslint/no-non-null-assertion": "off",
        "@typescript-eslint/require-await": "off",
      },
    },
  );
}
