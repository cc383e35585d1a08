import { conformance } from "@seg/test-server/conformance";
import { createSegmetricsClient } from "../src/index.ts";
conformance({ vendor: "segmetrics", createClient: createSegmetricsClient });
