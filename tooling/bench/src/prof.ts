import { fork } from "node:child_process";
import { variants } from "./variants.ts";
const server = fork(new URL("./server.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((r) => server.once("message", r));
const t = variants(`http://127.0.0.1:${port}`);
const call = t[(process.env.SHAPE ?? "GET → documented 400") as "GET → documented 400"][(process.env.V ?? "@seg/segmetrics") as "@seg/segmetrics"];
for (let i = 0; i < 6000; i++) await call();
server.send("close");
