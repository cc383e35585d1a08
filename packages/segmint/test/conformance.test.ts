import { conformance } from "@seg/test-server/conformance";
import { createSegmintClient } from "../src/index.ts";
conformance({ vendor: "segmint", createClient: createSegmintClient });
