import { library } from "@seg/tsdown-config";

export default library(["src/index.ts", "src/public.ts"]);
