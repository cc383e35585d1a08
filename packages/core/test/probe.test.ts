import { startTestServer, sequence } from "@seg/test-server";
import { expect, test } from "vitest";
import * as A from "../src/errors.ts";
import { acmeClient } from "./fixtures/acme.ts";

test("probe", async () => {
  const spec = "../src/errors.ts?copy";
  const B = (await import(/* @vite-ignore */ spec)) as typeof A;
  console.log(B.SegApiError === A.SegApiError);
  await using server = await startTestServer(sequence({ status: 200, json: { id: "1", name: "x" }, stallBody: true }));
  const client = acmeClient(server, { timeoutMs: 100, retry: false });
  const ac = new AbortController();
  const r = await client.GET("/things/{id}", { params: { path: { id: "1" } } }).catch((e: unknown) => e);
  console.log(r);
  const p = client.GET("/things/{id}", { params: { path: { id: "1" } }, signal: ac.signal, timeoutMs: 5000 });
  const reason = new Error("mine");
  setTimeout(() => ac.abort(reason), 50);
  const e = await p.catch((x: unknown) => x);
  console.log(e === reason, e);
  expect(server.requests.length).toBe(2);
});
