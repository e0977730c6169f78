// Shared by the browser tests: arguments, Chromium (skip when missing), and a
// `reunite serve` started on a free port and stopped with SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const CHROMIUM = "/usr/bin/chromium";

// Reads REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR; exits 2 on bad usage, 77 (skipped)
// when Chromium is not installed. Returns them with playwright-core's chromium.
export function setUp(script) {
  const [reunite, sourceDir, artifacts] = process.argv.slice(2);
  if (!reunite || !sourceDir || !artifacts) {
    console.error(`usage: node ${script} REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR`);
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`SKIP: ${CHROMIUM} is not installed (make deps installs it)`);
    process.exit(77);
  }
  const require = createRequire(join(sourceDir, "web", "package.json"));
  const { chromium } = require("playwright-core");
  return { reunite, sourceDir, artifacts, chromium };
}

export function launchChromium(chromium) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
}

// Starts the server and resolves `url` with its base URL once it prints "listening on URL".
export function startServer(reunite, db, timeoutMs = 30000) {
  const child = spawn(reunite, ["--db", db, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no "listening on" line; stdout: ${out}`)), timeoutMs);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on("exit", (code) => reject(new Error(`server exited early (${code}); stdout: ${out}`)));
  });
  return { child, url };
}

// Resolves with the server's exit code.
export function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}
