import { config } from "@seg/eslint-config";

// The test fixture's generated code, like a vendor's src/generated/, is not linted.
export default [...config(import.meta.dirname), { ignores: ["test/fixtures/generated/**"] }];
