// Browser test of issue 13, item 8 on the admin pages: an admin opens a user's page,
// changes the role and team, creates an API token (shown once) and revokes it,
// resets the password; the user, signing in with the temporary password, is held on
// the password page until they choose their own; the admin deactivates the account
// and the user's next page is the sign-in. The user page in Spanish too. Screenshots
// of each page.
// Usage: node issue13_item8_accounts_test.mjs REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR
// Exit codes: 0 pass, 1 fail, 77 skipped (Chromium is not installed).
import assert from "node:assert/strict";
import { join } from "node:path";

import { cliRunner, logIn, PASSWORD, runBrowserTest, setUp } from "./harness.mjs";

const ctx = setUp("issue13_item8_accounts_test.mjs");
const { reunite, artifacts } = ctx;
const run = cliRunner(reunite);
const TEMPORARY = "temporary password 1";
const OWN = "ana's own passphrase";

function seed(work) {
  const db = join(work, "cases.db");
  run(db, ["init"]);
  run(db, ["org", "add", "Kids in Need"]);
  for (const [name, role] of [["boss", "admin"], ["ana", "case_worker"]])
    run(db, ["user", "add", name, "--org", "Kids in Need", "--role", role, "--password-stdin"], PASSWORD + "\n");
  return { db };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `accounts-${name}.png`), fullPage: true });

// Submits the form holding `button` and waits for the page it leads to.
async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: button }).click()]);
}

async function changeRoleAndTokens(admin, base) {
  await admin.goto(`${base}/users`);
  await Promise.all([admin.waitForNavigation(), admin.getByRole("link", { name: "ana" }).click()]);
  assert.match(admin.url(), /\/users\/\d+$/);
  await admin.locator("#user-role").selectOption("coordinator");
  await admin.locator("#user-team").fill("north");
  await submit(admin, "Save role and team");
  assert.match(await admin.locator("#user-notice").textContent(), /role and team were saved/);
  assert.equal(await admin.locator("#user-role").inputValue(), "coordinator");

  await admin.locator("#token-name").fill("sync");
  await admin.locator("#token-days").fill("30");
  await submit(admin, "Create token");
  const token = await admin.locator("#new-token").textContent();
  assert.match(token, /^rnt_/);
  await shot(admin, "token-created");
  const me = await fetch(`${base}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200, "the new token works");
  await submit(admin, "Revoke sync");
  assert.match(await admin.locator("#user-notice").textContent(), /token was revoked/);
  assert.equal(await admin.locator("table td", { hasText: "revoked" }).count(), 1);
  const after = await fetch(`${base}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(after.status, 401, "the revoked token is refused at once");
}

async function resetPassword(admin) {
  await admin.locator("#reset-password").fill(TEMPORARY);
  await admin.locator("#reset-confirm").fill(TEMPORARY);
  await submit(admin, "Reset password");
  assert.match(await admin.locator("#user-notice").textContent(), /must change it at their next sign-in/);
  await shot(admin, "user-page");
}

// The user signs in with the temporary password and can go nowhere but the password page.
async function forcedChange(user, base) {
  await user.goto(`${base}/login?lang=en`);
  await user.getByLabel("User name").fill("ana");
  await user.getByLabel("Password").fill(TEMPORARY);
  await Promise.all([user.waitForURL(`${base}/account/password`), user.getByRole("button", { name: "Sign in" }).click()]);
  assert.match(await user.locator("#forced-notice").textContent(), /administrator reset your password/);
  await user.goto(`${base}/families`);
  assert.equal(new URL(user.url()).pathname, "/account/password", "other pages send the user back");
  await shot(user, "forced-change");

  await user.locator("#current-password").fill("not the password");
  await user.locator("#new-password").fill(OWN);
  await user.locator("#confirm-password").fill(OWN);
  await submit(user, "Change password");
  assert.match(await user.getByRole("alert").textContent(), /current password is not right/);

  await user.locator("#current-password").fill(TEMPORARY);
  await user.locator("#new-password").fill(OWN);
  await user.locator("#confirm-password").fill(OWN);
  await submit(user, "Change password");
  assert.match(await user.locator("#changed-notice").textContent(), /password was changed/);
  await Promise.all([user.waitForNavigation(), user.getByRole("link", { name: "Go to the dashboard" }).click()]);
  assert.equal(new URL(user.url()).pathname, "/");
}

async function deactivate(admin, user, base) {
  await admin.reload();
  await submit(admin, "Deactivate account");
  assert.match(await admin.locator("#user-notice").textContent(), /account was deactivated/);
  await user.goto(`${base}/families`);
  assert.equal(new URL(user.url()).pathname, "/login", "the session ended at once");
  await admin.goto(`${admin.url().split("?")[0]}?lang=es`);
  assert.equal(await admin.getByRole("heading", { name: "Función y equipo" }).count(), 1);
  assert.equal(await admin.getByRole("button", { name: "Reactivar cuenta" }).count(), 1);
  await shot(admin, "user-page-es");
}

runBrowserTest(ctx, "accounts", seed, async ({ newPage, base }) => {
  const admin = await newPage();
  await logIn(admin, base, "boss");
  await changeRoleAndTokens(admin, base);
  await resetPassword(admin);
  const user = await newPage();
  await forcedChange(user, base);
  await deactivate(admin, user, base);
});
