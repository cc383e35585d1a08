import { config } from "@seg/eslint-config";
import tseslint from "typescript-eslint";

export default [
  ...config(import.meta.dirname),
  {
    // The scenario is plain JavaScript that every runtime loads as it is: linted without types.
    files: ["scenario/**"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: "readonly", fetch: "readonly", Response: "readonly", require: "readonly", process: "readonly" },
    },
  },
  {
    // Loading the packages' CommonJS builds is the point of this runner.
    files: ["scenario/cjs.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
