// Shared by the browser tests: arguments, Chromium (skip when missing), a `reunite
// serve` started on a free port and stopped with SIGTERM, the CLI for seeding, signing
// in, and the frame every test runs in (runBrowserTest).
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
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

// The password of every account the browser tests create.
export const PASSWORD = "correct horse battery staple";

// A function running `reunite --db DB --actor setup ARGS...` (stdin `input` if given) that
// returns its standard output; for seeding databases and comparing with the CLI.
export function cliRunner(reunite) {
  return (db, args, input) =>
    execFileSync(reunite, ["--db", db, "--actor", "setup", ...args],
                 { input, stdio: [input ? "pipe" : "ignore", "pipe", "inherit"] }).toString();
}

// Signs in through the login page (in English) and waits for the dashboard.
export async function logIn(page, base, username, password = PASSWORD) {
  await page.goto(`${base}/login?lang=en`);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(password);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole("button", { name: "Sign in" }).click()]);
}

// The frame of a browser test: a fresh work folder, `seed(work)` (returns at least
// { db }), the server on that database and Chromium; then `body({ browser, base, work,
// ...seeded })`, failing if any page it opened with `newPage` reported a Content
// Security Policy violation. Always stops the server (which must exit 0) and removes
// the folder; prints PASS, or FAIL and exits 1.
export async function runBrowserTest({ artifacts, chromium, reunite }, name, seed, body) {
  try {
    mkdirSync(artifacts, { recursive: true });
    const work = mkdtempSync(join(tmpdir(), `reunite-${name}-`));
    let server, browser;
    try {
      const seeded = seed(work);
      server = startServer(reunite, seeded.db);
      const base = await server.url;
      browser = await launchChromium(chromium);
      const cspErrors = [];
      const newPage = async (options) => {
        const page = await browser.newPage(options);
        page.on("console", (msg) => { if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text()); });
        return page;
      };
      await body({ browser, newPage, base, work, ...seeded });
      assert.deepEqual(cspErrors, [], "no CSP violations");
    } finally {
      if (browser) await browser.close();
      const code = server ? await stopServer(server.child) : 0;
      rmSync(work, { recursive: true, force: true });
      assert.equal(code, 0, "server exits 0 on SIGTERM");
    }
    console.log(`PASS; screenshots in ${artifacts}`);
  } catch (err) {
    console.error(`FAIL: ${err.stack || err}`);
    process.exit(1);
  }
}
