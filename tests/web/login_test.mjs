// Browser test of the login page: starts `reunite serve` on a free port against a fresh
// database, drives the system Chromium through playwright-core, checks the security policy,
// the Spanish version and keyboard access, and saves screenshots.
// Usage: node login_test.mjs REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR
// Exit codes: 0 pass, 1 fail, 77 skipped (Chromium is not installed).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

import { runBrowserTest, setUp } from "./harness.mjs";

const ctx = setUp("login_test.mjs");
const { reunite, artifacts } = ctx;

async function checkLoginPage(page, base) {
  const cspErrors = [];
  page.on("console", (msg) => { if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text()); });
  const res = await page.goto(`${base}/login`);
  assert.equal(res.status(), 200);
  const headers = res.headers();
  assert.match(headers["content-security-policy"], /default-src 'self'/);
  assert.match(headers["content-security-policy"], /script-src 'self'/);
  assert.match(headers["content-security-policy"], /frame-ancestors 'none'/);
  assert.equal(headers["x-frame-options"], "DENY");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // The first Tab lands on the skip link, which then shows on screen.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  const box = await page.locator(".skip-link").boundingBox();
  assert.ok(box && box.x >= 0, "focused skip link is on screen");
  await page.screenshot({ path: join(artifacts, "login-skip-link.png") });
  await page.getByLabel("User name").fill("ana");
  await page.getByLabel("Password").fill("not-a-real-password");
  assert.equal(await page.evaluate(() => typeof window.htmx), "object", "htmx loaded from /static");
  await page.screenshot({ path: join(artifacts, "login-en.png"), fullPage: true });
  assert.deepEqual(cspErrors, [], "no CSP violations (no inline scripts or styles)");
}

async function checkSpanish(page) {
  await page.getByRole("link", { name: "Español" }).click();
  await page.waitForLoadState();
  assert.equal(await page.getAttribute("html", "lang"), "es");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Iniciar sesión");
  await page.getByLabel("Nombre de usuario").fill("ana");
  await page.getByLabel("Contraseña").fill("x");
  await page.screenshot({ path: join(artifacts, "login-es.png"), fullPage: true });
  // The choice is remembered: a refused sign-in answers in Spanish (accounts are wired in since
  // `serve` opens the accounts library, so an unknown user is 401, not 503).
  const [res] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Entrar" }).click()]);
  assert.equal(res.status(), 401);
  assert.match(await page.getByRole("alert").textContent(), /no son correctos/);
}

// A fresh database with no accounts: the login page needs none.
function seed(work) {
  const db = join(work, "demo.db");
  execFileSync(reunite, ["--db", db, "init"], { stdio: "inherit" });
  return { db };
}

runBrowserTest(ctx, "web", seed, async ({ newPage, base }) => {
  const page = await newPage();
  await checkLoginPage(page, base);
  await checkSpanish(page);
  const phone = await newPage({ viewport: { width: 375, height: 740 } });
  await phone.goto(`${base}/login?lang=en`);
  await phone.screenshot({ path: join(artifacts, "login-phone.png"), fullPage: true });
});
