import { conformance } from "@seg/test-server/conformance";
import { createSegmenterClient } from "../src/index.ts";
conformance({ vendor: "segmenter", createClient: createSegmenterClient });
