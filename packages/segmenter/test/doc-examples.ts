// The segmenter docs' own examples, read from specs/segmenter.yaml (see @seg/test-server/spec-examples).
import { specExamples } from "@seg/test-server/spec-examples";

export const { requestExample, requestExampleNames, responseExample, parameterExample, propertyExamples, documentedStatuses } =
  specExamples("segmenter");
