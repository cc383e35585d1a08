// The segmint docs' own examples, read from specs/segmint.yaml (see @seg/test-server/spec-examples).
import { specExamples } from "@seg/test-server/spec-examples";

export const { requestExample, requestExampleNames, responseExample, parameterExample, propertyExamples, documentedStatuses } =
  specExamples("segmint");
