// The smoke scenario every target runs against a sandbox: per vendor client a call, a retried read,
// a typed error and a timeout, plus the facade. Plain JavaScript with no imports, so each runtime
// loads it as it is (Node ESM and CJS, Bun, Deno) or bundled (workerd, Chromium): the runner hands
// in the packages as it loaded them.
//
// `libs`: { sdk, <vendor>, <vendor>Adapter, … } (the modules, every vendor package). `env`: { origin,
// options, calls, secrets } (the sandbox's URL, its `clientOptions`, and per vendor one operation it
// answers from the spec and the client options that hold secrets: src/spec-calls.ts).

// Generous: the sandbox hangs these calls on purpose, so the limit is all the test waits for.
const TIMEOUT_MS = 1500;
const FAST_RETRY = { baseDelayMs: 10, maxDelayMs: 20 };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Replaces the sandbox's fault rules (the control API; the page reaches it through CORS). */
async function faults(env, rules) {
  const response = await fetch(`${env.origin}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ faults: rules }),
  });
  check(response.ok, `setting faults answered ${response.status}`);
  await response.text();
}

/** Runs `checks` in order; one failure does not stop the rest. */
async function runAll(env, checks) {
  const results = [];
  for (const [name, body] of checks) {
    try {
      await faults(env, []);
      await body();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: String(error && error.stack ? error.stack : error) });
    }
  }
  await faults(env, []).catch(() => undefined);
  return results;
}

/** `fn()` must throw an instance of `Class`; returns the error. */
async function rejects(fn, Class, what) {
  try {
    await fn();
  } catch (error) {
    check(error instanceof Class, `${what}: expected ${Class.name}, got ${error && error.name}: ${error && error.message}`);
    return error;
  }
  throw new Error(`${what}: expected ${Class.name}, nothing was thrown`);
}

/** A retried read: the sandbox fails `operation` once with 503; the call must succeed on its retry. */
async function retried(env, rule, call) {
  await faults(env, [rule]);
  const retries = [];
  const result = await call({ ...FAST_RETRY, onRetry: (info) => retries.push(info.attempt) });
  check(retries.length === 1, `expected one retry, saw ${retries.length}`);
  return result;
}

/** The sandbox never answers `operation`; the call must end in a SegTimeoutError of its attempt. */
async function timesOut(env, libs, rule, call) {
  await faults(env, [rule]);
  const started = Date.now();
  const error = await rejects(() => call({ retry: false, timeoutMs: TIMEOUT_MS }), libs.segmetrics.SegTimeoutError, "hung call");
  check(error.scope === "attempt", `expected scope attempt, got ${error.scope}`);
  check(Date.now() - started >= TIMEOUT_MS - 50, "timed out before its limit");
}

/** A vendor package's one `create…Client`. */
function factoryOf(module) {
  const found = Object.entries(module).find(([name, value]) => /^create\w+Client$/.test(name) && typeof value === "function");
  check(found !== undefined, "no create…Client export");
  return found[1];
}

/** Every vendor the sandbox serves, through its own client: one call, and its typed outcome. */
function specChecks(libs, env, extra = {}) {
  return Object.entries(env.calls).map(([vendor, call]) => [`${vendor}: ${call.operationId} through its client, typed`, async () => {
    const client = factoryOf(libs[vendor])({ ...env.options[vendor], ...extra });
    const result = await client[call.method](call.path, call.init);
    const status = result.response.status;
    // A success is its data; anything else is the SegApiError of that status (a 404 for a contact the sandbox has never seen).
    if (status >= 200 && status < 300) libs[vendor].unwrap(result);
    else {
      const error = await rejects(() => libs[vendor].unwrap(result), libs[vendor].SegApiError, `${call.operationId} ${status}`);
      check(error.status === status && error.operation === call.operationId, `${call.operationId}: error for ${error.operation} ${error.status}`);
      // Thrown by @seg/core, exported through @seg/core/public: one module, so the very same class.
      check(error.constructor === libs[vendor].SegApiError, `${vendor}: its SegApiError is not the class its calls throw`);
    }
  }]);
}

/** Every vendor package exports every error class of @seg/core (through @seg/core/public), and the same ones. */
function errorClassCheck(libs) {
  return ["every vendor package exports @seg/core's error classes, the same ones", () => {
    const vendors = Object.keys(libs).filter((key) => Object.keys(libs[key]).some((name) => /^create\w+Client$/.test(name)));
    for (const name of ["SegError", "SegApiError", "SegConfigError", "SegConnectionError", "SegTimeoutError", "SegRedirectError", "SegResponseError"]) {
      for (const vendor of vendors) {
        check(typeof libs[vendor][name] === "function", `${vendor} does not export ${name}`);
        check(libs[vendor][name] === libs[vendors[0]][name], `${vendor}'s ${name} is not ${vendors[0]}'s`);
      }
    }
  }];
}

/** The scenario for server-side targets: every vendor client and the facade. */
export async function serverScenario(libs, env) {
  const { options } = env;
  const { SegApiError, unwrap } = libs.segmetrics;
  const segmetrics = libs.segmetrics.createSegmetricsClient(options.segmetrics);
  const segmint = libs.segmint.createSegmintClient(options.segmint);
  const segmenter = libs.segmenter.createSegmenterClient(options.segmenter);
  const segmenthub = libs.segmenthub.createSegmentHubClient(options.segmenthub);
  const contact = { params: { path: { contact_id_or_email: "jo@example.com" } } };
  const campaign = { params: { path: { campaignId: "1234" } } };
  const profile = { body: { profileId: "jo@example.com" } };
  let segmentId;

  return runAll(env, [
    ["segmetrics: a call", async () => {
      unwrap(await segmetrics.POST("/contact", { body: { email: "jo@example.com", first_name: "Jo" } }));
    }],
    ["segmetrics: a retried read", async () => {
      const read = await retried(env, "segmetrics:getContact:status=503:times=1", (retry) => segmetrics.GET("/contact/{contact_id_or_email}", { ...contact, retry }));
      check(read.response.status === 200 && unwrap(read) !== undefined, `read answered ${read.response.status}`);
    }],
    ["segmetrics: a typed error", async () => {
      const error = await rejects(async () => unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "nobody@example.com" } } })), SegApiError, "unknown contact");
      check(error.kind === "not_found" && error.status === 404, `expected not_found, got ${error.kind}`);
    }],
    ["segmetrics: a timeout", () => timesOut(env, libs, "segmetrics:getContact:hang:times=1", (init) => segmetrics.GET("/contact/{contact_id_or_email}", { ...contact, ...init }))],

    ["segmint: a call (token exchange, then a typed 404)", async () => {
      const error = await rejects(async () => unwrap(await segmint.GET("/campaigns/{campaignId}", campaign)), SegApiError, "unknown campaign");
      check(error.status === 404 && error.operation === "getCampaign", `expected getCampaign 404, got ${error.operation} ${error.status}`);
    }],
    ["segmint: a retried read", async () => {
      const read = await retried(env, "segmint:getCampaign:status=503:times=1", (retry) => segmint.GET("/campaigns/{campaignId}", { ...campaign, retry }));
      check(read.response.status === 404, `expected the retry's 404, got ${read.response.status}`);
    }],
    ["segmint: a typed error (bad credentials)", async () => {
      const wrong = libs.segmint.createSegmintClient({ ...options.segmint, password: "wrong-password" });
      const error = await rejects(async () => unwrap(await wrong.GET("/campaigns/{campaignId}", campaign)), SegApiError, "bad credentials");
      check(error.kind === "unauthorized", `expected unauthorized, got ${error.kind}`);
      check(!error.message.includes("wrong-password") && !JSON.stringify(error).includes("wrong-password"), "the password shows in the error");
    }],
    ["segmint: a timeout", () => timesOut(env, libs, "segmint:getCampaign:hang:times=1", (init) => segmint.GET("/campaigns/{campaignId}", { ...campaign, ...init }))],

    ["segmenter: a call", async () => {
      const { data } = unwrap(await segmenter.createSegment({ name: "VIP", persons: [{ externalId: "crm-1", email: "jo@example.com" }] }));
      segmentId = data.id;
      check(typeof segmentId === "string", "no segment id");
    }],
    ["segmenter: a retried read-and-replace", async () => {
      const body = { id: segmentId, persons: [{ externalId: "crm-2" }] };
      const updated = await retried(env, "segmenter:updateSegment:status=503:times=1", (retry) => segmenter.PUT("/segments", { body, retry }));
      check(unwrap(updated).data.isUpdated === true, "segment not updated");
    }],
    ["segmenter: a typed error (bad key)", async () => {
      const wrong = libs.segmenter.createSegmenterClient({ ...options.segmenter, apiKey: "wrong-key" });
      const error = await rejects(async () => unwrap(await wrong.createSegment({ name: "X", persons: [{ externalId: "c" }] })), SegApiError, "bad key");
      check(error.status === 401 || error.status === 403, `expected 401/403, got ${error.status}`);
      check(!error.message.includes("wrong-key"), "the key shows in the error");
    }],
    ["segmenter: a timeout", () => timesOut(env, libs, "segmenter:updateSegment:hang:times=1", (init) => segmenter.PUT("/segments", { body: { id: segmentId, persons: [{ externalId: "crm-3" }] }, ...init }))],

    ["segmenthub: a call (an event)", async () => {
      const fired = await segmenthub.fireEvent({ event: "pageView", visitorId: "v-1", platform: "www.example.com" });
      check(fired.response.status === 200, `event answered ${fired.response.status}`);
    }],
    ["segmenthub: a retried read", async () => {
      const read = await retried(env, "segmenthub:queryProfile:status=503:times=1", (retry) => segmenthub.POST("/profiles/query", { ...profile, retry }));
      check(read.response.status < 500, `expected the retry's answer, got ${read.response.status}`);
    }],
    ["segmenthub: a typed error (bad token)", async () => {
      const wrong = libs.segmenthub.createSegmentHubClient({ ...options.segmenthub, token: "wrong-token" });
      const error = await rejects(async () => unwrap(await wrong.POST("/profiles/query", profile)), SegApiError, "bad token");
      check(error.status >= 400 && error.status < 500, `expected a 4xx, got ${error.status}`);
      check(!JSON.stringify(error).includes("wrong-token"), "the token shows in the error");
    }],
    ["segmenthub: a timeout", () => timesOut(env, libs, "segmenthub:queryProfile:hang:times=1", (init) => segmenthub.POST("/profiles/query", { ...profile, ...init }))],

    ["sdk: the facade's upsertPerson reaches every vendor that has one", async () => {
      const seg = libs.sdk.createSeg({
        segmetrics: libs.segmetricsAdapter.segmetricsAdapter(segmetrics, { personKey: "externalId" }),
        segmenthub: libs.segmenthubAdapter.segmentHubAdapter(segmenthub, { personKey: "email", platform: "www.example.com", visitorIdOf: () => "v-1" }),
        segmenter: libs.segmenterAdapter.segmenterAdapter(segmenter),
        segmint: libs.segmintAdapter.segmintAdapter(segmint),
      });
      const outcomes = await seg.upsertPerson({ email: "ann@example.com", externalId: "crm-9", firstName: "Ann" });
      const statuses = Object.fromEntries(Object.entries(outcomes).map(([name, o]) => [name, o.status]));
      check(statuses.segmetrics === "ok" && statuses.segmenthub === "ok", `outcomes ${JSON.stringify(statuses)}`);
      check(statuses.segmenter === "skipped" && statuses.segmint === "skipped", `outcomes ${JSON.stringify(statuses)}`);
    }],
    ...specChecks(libs, env),
    errorClassCheck(libs),
  ]);
}

/**
 * The scenario for a web page: what a page sends (SegmentHub events without a token, SegMetrics'
 * identify without a key) through the sandbox's CORS, and the refusal of every client holding a
 * secret unless the page opts in.
 */
export async function browserScenario(libs, env) {
  const { options } = env;
  const { SegConfigError } = libs.segmetrics;
  // What a page may hold: ids and URLs, no key and no token.
  const segmetricsPublic = { ...options.segmetrics, apiKey: undefined };
  const segmenthubPublic = { ...options.segmenthub, token: undefined };
  const segmetrics = libs.segmetrics.createSegmetricsClient(segmetricsPublic);
  const segmenthub = libs.segmenthub.createSegmentHubClient(segmenthubPublic);
  const identify = (init = {}) => segmetrics.GET("/identify", { params: { query: { seg_uid: "u-1", email: "jo@example.com" } }, ...init });
  // Every vendor whose client holds a secret, from its spec.
  const secretful = Object.fromEntries(
    Object.entries(env.secrets)
      .filter(([, names]) => names.length > 0)
      .map(([vendor, names]) => [`${vendor} (${names.join(", ")})`, () => factoryOf(libs[vendor])(options[vendor])]),
  );

  return runAll(env, [
    ["segmenthub: an event from the page, without a token", async () => {
      const fired = await segmenthub.fireEvent({ event: "pageView", visitorId: "v-1", platform: "www.example.com" });
      check(fired.response.status === 200, `event answered ${fired.response.status}`);
    }],
    ["segmetrics: identify from the page, without a key, retried once", async () => {
      const read = await retried(env, "segmetrics:identifyContact:status=503:times=1", (retry) => identify({ retry }));
      check(read.response.status === 200, `identify answered ${read.response.status}`);
    }],
    ["segmetrics: a call needing the key is refused unsent", async () => {
      const error = await rejects(() => segmetrics.POST("/contact", { body: { email: "jo@example.com" } }), SegConfigError, "keyless import");
      check(error.field === "apiKey", `field ${error.field}`);
    }],
    ["segmetrics: identify times out", () => timesOut(env, libs, "segmetrics:identifyContact:hang:times=1", identify)],
    ...Object.entries(secretful).map(([name, create]) => [`${name}: refused in a browser without dangerouslyAllowBrowser`, async () => {
      const error = await rejects(create, SegConfigError, name);
      check(error.field === "dangerouslyAllowBrowser", `field ${error.field}`);
    }]),
    ["segmenthub (token): created with dangerouslyAllowBrowser, its token call works", async () => {
      const allowed = libs.segmenthub.createSegmentHubClient({ ...options.segmenthub, dangerouslyAllowBrowser: true });
      const read = await allowed.POST("/profiles/query", { body: { profileId: "jo@example.com" } });
      check(read.response.status < 500, `answered ${read.response.status}`);
    }],
    // The page opts in (it talks to a sandbox): every vendor's client then works through CORS.
    ...specChecks(libs, env, { dangerouslyAllowBrowser: true }),
    errorClassCheck(libs),
  ]);
}
