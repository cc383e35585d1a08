import { testDefaults } from "@seg/vitest-config";
import { defineProject } from "vitest/config";

export default defineProject({ test: testDefaults });
