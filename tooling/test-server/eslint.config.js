import { config } from "@seg/eslint-config";

export default config(import.meta.dirname);
