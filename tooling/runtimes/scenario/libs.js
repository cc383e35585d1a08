// The packages under test, as one object for the scenario (ESM). The CJS runner requires them instead.
import * as sdk from "@seg/sdk";
import * as segmenter from "@seg/segmenter";
import * as segmenterAdapter from "@seg/segmenter/adapter";
import * as segmenthub from "@seg/segmenthub";
import * as segmenthubAdapter from "@seg/segmenthub/adapter";
import * as segmetrics from "@seg/segmetrics";
import * as segmetricsAdapter from "@seg/segmetrics/adapter";
import * as segmint from "@seg/segmint";
import * as segmintAdapter from "@seg/segmint/adapter";

export const libs = { sdk, segmenter, segmenterAdapter, segmenthub, segmenthubAdapter, segmetrics, segmetricsAdapter, segmint, segmintAdapter };
