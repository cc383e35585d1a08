#!/usr/bin/env node
// Runs the TypeScript CLI in src/ through tsx, so the repo's scripts need no build step.
import { register } from "tsx/esm/api";

register();
await import("./src/cli.ts");
