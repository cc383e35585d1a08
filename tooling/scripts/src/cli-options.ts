// The options `seg-scripts` accepts (node:util parseArgs), apart from cli.ts so the pipeline's test
// can check the flags its commands pass.
export const CLI_OPTIONS = {
  "skip-checks": { type: "boolean", default: false },
  check: { type: "boolean", default: false },
  tag: { type: "string" },
  out: { type: "string" },
  spec: { type: "string" },
  "display-name": { type: "string" },
} as const;
