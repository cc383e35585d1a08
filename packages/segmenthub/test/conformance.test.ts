import { conformance } from "@seg/test-server/conformance";
import { createSegmentHubClient } from "../src/index.ts";
conformance({ vendor: "segmenthub", createClient: createSegmentHubClient });
