// Browser test of the case worker's pages: seeds a database from synthetic lists
// (import, match run, accounts by CLI), then in Chromium signs in, finds a person by a
// misspelled name, accepts a family-link candidate and sees the link on the family page,
// gives that family to team north and marks its adult at risk, imports a list (dry run,
// then commit), reads the audit log as an auditor, and switches to Spanish; then the
// field searcher of team north sees that family and not an unassigned one, and a
// government liaison is told the adult's details are withheld. Saves a screenshot of
// every page.
// Usage: node pages_test.mjs REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR
// Exit codes: 0 pass, 1 fail, 77 skipped (Chromium is not installed).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { cliRunner, logIn, PASSWORD, runBrowserTest, setUp } from "./harness.mjs";

const ctx = setUp("pages_test.mjs");
const { reunite, artifacts } = ctx;
const run = cliRunner(reunite);

// A synthetic database: lists imported and matched, and one user per role the test needs.
function seed(work) {
  const db = join(work, "cases.db");
  const lists = join(work, "lists");
  run(db, ["synth", "--families", "60", "--seed", "3", "--out", lists]);
  run(db, ["init"]);
  run(db, ["import", "--source", "ORR", "--kind", "child", "--quiet", join(lists, "children.csv")]);
  run(db, ["import", "--source", "ICE", "--kind", "adult", "--quiet", join(lists, "adults.csv")]);
  run(db, ["match", "run"]);
  run(db, ["org", "add", "Kids in Need"]);
  for (const [name, role, ...more] of [["coord", "coordinator"], ["audra", "auditor"], ["root", "admin"],
                                       ["fidel", "field_searcher", "--team", "north"], ["liz", "government_liaison"]])
    run(db, ["user", "add", name, "--org", "Kids in Need", "--role", role, "--language", "en", ...more,
             "--password-stdin"], PASSWORD + "\n");
  return { db, lists };
}

// Splits one CSV line (the synthetic lists quote only fields with commas).
function csvFields(line) {
  const out = [];
  let cur = "", quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) { out.push(cur); cur = ""; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

// A child's name from the list, and the same name misspelled: accents dropped and
// one letter of the surname dropped.
function knownName(lists) {
  const [header, first] = readFileSync(join(lists, "children.csv"), "utf8").split(/\r?\n/);
  const cols = csvFields(header.replace(/^\uFEFF/, "")).map((c) => c.toLowerCase());
  const row = csvFields(first);
  const given = row[cols.findIndex((c) => /given|first|nombre/.test(c))] || "";
  const surname = row[cols.findIndex((c) => /surname|last|apellido/.test(c))] || "";
  const full = given && surname ? `${given} ${surname}` : row[cols.findIndex((c) => /name/.test(c))];
  const plain = full.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const words = plain.split(" ");
  const last = words.length - 1;
  words[last] = words[last].slice(0, 2) + words[last].slice(3);  // drop the third letter
  return { full, misspelled: words.join(" "), firstGiven: full.split(" ")[0] };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `pages-${name}.png`), fullPage: true });

async function logOut(page) {
  await Promise.all([page.waitForURL(/\/login$/), page.getByRole("button", { name: /Sign out|Cerrar sesión/ }).click()]);
}

async function checkDashboardAndFamilies(page, base) {
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Dashboard");
  assert.equal(await page.locator("canvas.bar-chart").count(), 2);
  assert.equal(await page.evaluate(() => typeof window.Chart), "function", "Chart.js loaded from /static");
  await shot(page, "dashboard");
  await page.goto(`${base}/families?sort=name`);
  assert.ok(await page.locator("table tbody tr").count() > 0, "families listed");
  await shot(page, "families");
  // Issue 14: the saved views, and a filter typed by name, narrow the list.
  await page.getByRole("link", { name: "Parents not yet reached" }).click();
  await page.waitForURL(/view=not_reached/);
  assert.ok(await page.locator("table tbody tr").count() > 0, "every parent is still to reach");
  await page.goto(`${base}/families`);
  const first = (await page.locator("table tbody tr th a").first().textContent()).trim().split(" ")[0];
  await page.getByLabel("Name of the child or a parent").fill(first);
  await Promise.all([page.waitForURL(/name=/), page.getByRole("button", { name: "Apply" }).click()]);
  const rows = await page.locator("table tbody tr th a").allTextContents();
  assert.ok(rows.length > 0 && rows.length < 60, `the name ${first} narrows the list (${rows.length})`);
  const csv = await page.request.get(`${base}/families.csv?name=${encodeURIComponent(first)}`);
  assert.equal(csv.status(), 200);
  assert.ok((await csv.text()).includes(first), "the download holds the filtered families");
  await shot(page, "families-filtered");
  await page.goto(`${base}/families?sort=name`);
  // On a phone the table scrolls inside its box; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
            "no sideways page scroll on a phone");
  await shot(page, "families-phone");
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function checkSearch(page, name) {
  const box = page.getByLabel("Name, A-number, phone number or record id").first();
  await box.fill(name.misspelled);
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  const hit = page.getByRole("link", { name: name.full });
  assert.ok(await hit.count() > 0, `"${name.misspelled}" finds ${name.full}`);
  await shot(page, "search");
  await Promise.all([page.waitForURL(/\/people\/\d+$/), hit.first().click()]);
  assert.match(await page.locator("table").first().textContent(), /ORR/, "provenance names the source");
  await shot(page, "person");
}

// Issue 14: an A-number typed with dashes, in Spanish on a phone, finds its adult;
// digits that name no one say so instead of an error page.
async function checkIdentifierSearch(page, base, lists) {
  const [header, ...rows] = readFileSync(join(lists, "adults.csv"), "utf8").split(/\r?\n/);
  const cols = csvFields(header.replace(/^\uFEFF/, "")).map((c) => c.toLowerCase());
  const digits = rows.map((r) => (csvFields(r)[cols.indexOf("a_number")] || "").replace(/\D/g, ""))
    .find((d) => d.length === 9 && /[1-9]/.test(d) && !/^(\d)\1+$/.test(d));
  assert.ok(digits, "an adult with an A-number in the list");
  const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/search?lang=es`);
  const box = page.getByLabel("Nombre, número A, teléfono o número de registro").first();
  await box.fill(dashed);
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  assert.ok(await page.getByRole("cell", { name: "Mismo número A" }).count() > 0, `${dashed} finds its adult`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
            "no sideways page scroll on a phone");
  await shot(page, "search-a-number-es-phone");
  await page.goto(`${base}/search?q=900000001&lang=es`);
  assert.match(await page.locator("main").textContent(), /Nadie coincide/);
  await page.goto(`${base}/search?lang=en`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

// Accepts the first family-link candidate with the keyboard; returns its child and adult.
async function acceptFamilyLink(page, base) {
  const res = await page.request.post(`${base}/review/1/accept`, { form: { verification: "claimed" } });
  assert.equal(res.status(), 403, "a decision without the CSRF token is refused");
  await page.goto(`${base}/review?kind=family_link`);
  await Promise.all([page.waitForURL(/\/review\/\d+$/), page.getByRole("link", { name: /^Review #/ }).first().click()]);
  const left = await page.locator("#left-heading a").getAttribute("href");
  const right = await page.locator("#right-heading a").getAttribute("href");
  assert.ok(await page.locator("table").first().locator("tbody tr").count() > 1, "comparisons listed");
  assert.match(await page.locator("#model-health").textContent(), /This score comes from match run \d+ \(a full run\)/,
               "the health of the run that scored it");
  await shot(page, "review");
  const here = page.url();
  await page.goto(`${here}?lang=es`);
  assert.match(await page.locator("#model-health").textContent(), /Esta puntuación proviene de la ejecución/);
  await page.goto(`${here}?lang=en`);
  // The URL already matches /review/N: wait for it to change to the next candidate.
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), page.keyboard.press("a")]);
  await page.waitForLoadState();
  return { child: left.split("/").pop(), adult: right.split("/").pop() };
}

async function checkFamily(page, base, pair) {
  await page.goto(`${base}/families/${pair.child}`);
  assert.ok(await page.locator(`a[href="/people/${pair.adult}"]`).count() > 0, "the accepted adult is linked");
  assert.match(await page.locator("#timeline-heading + .table-scroll").textContent(), /coord/);
  await shot(page, "family");
}

// As the coordinator: a refused team name shows the reason in place (422, htmx), then the
// family goes to team north and its adult is marked at risk, both on the timeline.
async function assignAndProtect(page, base, pair) {
  await page.goto(`${base}/families/${pair.child}`);
  await page.getByLabel("Team", { exact: true }).fill(" north");
  await page.getByLabel("Reason for the change").fill("last seen near Cobán");
  await page.getByRole("button", { name: "Save the team" }).click();
  assert.match(await page.locator("#assign-error").textContent(), /team name is not valid/);
  await page.getByLabel("Team", { exact: true }).fill("north");
  await page.getByLabel("Reason for the change").fill("last seen near Cobán");
  await page.getByRole("button", { name: "Save the team" }).click();
  await page.locator("#family-team", { hasText: "north" }).waitFor();
  assert.match(await page.locator("#timeline-heading + .table-scroll").textContent(), /last seen near Cobán/);
  await shot(page, "family-assigned");
  await page.goto(`${base}/people/${pair.adult}`);
  await page.getByRole("checkbox", { name: /At risk:/ }).check();
  await page.getByLabel("Protection notes").fill("threatened by the smuggler");
  await page.getByLabel("Reason for the change").fill("reported by phone");
  await page.getByRole("button", { name: "Save protection" }).click();
  await page.getByText("This person is at risk").waitFor();
  assert.equal(await page.locator("#protect-notes").inputValue(), "threatened by the smuggler");
  await shot(page, "person-protected");
}

// Team north's field searcher lists only the assigned family and reads the at-risk
// adult in full; another child's family reads as not found.
async function checkFieldSearcher(page, base, pair) {
  await logIn(page, base, "fidel");
  await page.goto(`${base}/families`);
  const rows = page.locator("table tbody tr");
  assert.equal(await rows.count(), 1, "one family assigned to team north");
  assert.equal(await rows.locator(`a[href="/families/${pair.child}"]`).count(), 1);
  await shot(page, "families-field");
  await page.goto(`${base}/families/${pair.child}`);
  assert.ok(await page.locator(`a[href="/people/${pair.adult}"]`).count() > 0, "the team sees the adult");
  await page.goto(`${base}/people/${pair.adult}`);
  assert.equal(await page.locator("#withheld-notice").count(), 0, "nothing withheld from the assigned team");
  const other = pair.child === "1" ? "2" : "1";
  assert.equal((await page.goto(`${base}/families/${other}`)).status(), 404, "an unassigned family is not found");
  await logOut(page);
}

async function checkLiaison(page, base, pair) {
  await logIn(page, base, "liz");
  await page.goto(`${base}/people/${pair.adult}`);
  assert.match(await page.locator("#withheld-notice").textContent(), /withheld for your role/);
  assert.doesNotMatch(await page.locator("main").textContent(), /threatened by the smuggler/);
  assert.equal(await page.locator("#protect-button").count(), 0, "liaisons may not change protection");
  await shot(page, "person-liaison");
  await logOut(page);
}

async function checkImport(page, base, lists, work) {
  const lines = readFileSync(join(lists, "adults.csv"), "utf8").split(/\r?\n/);
  const file = join(work, "web-list.csv");
  writeFileSync(file, lines.slice(0, 3).join("\n") + "\n");
  await page.goto(`${base}/import`);
  await page.getByLabel("Source").fill("WEB");
  await page.getByLabel("The list holds").selectOption("adult");
  await page.getByLabel("CSV file").setInputFiles(file);
  await Promise.all([page.waitForLoadState(), page.getByRole("button", { name: /dry run/ }).click()]);
  await page.locator("#commit-button").waitFor();
  await shot(page, "import");
  await Promise.all([page.waitForLoadState(), page.locator("#commit-button").click()]);
  await page.getByRole("heading", { name: /^Imported/ }).waitFor();
}

async function checkAuditAndSpanish(page, base) {
  await logIn(page, base, "audra");
  await page.goto(`${base}/audit?action=review_accept`);
  const entries = page.getByRole("table", { name: "Audit entries, newest first" });
  assert.match(await entries.locator("tbody").textContent(), /coord/, "the accept is in the audit log");
  // Issue 13, item 14: the hash chains' anchor, to copy outside.
  assert.match(await page.locator("#anchor-line").textContent(), /^reunite-anchor\/1 made=\S+ journal=seq:\d+/,
               "the audit page shows the current anchor");
  await shot(page, "audit");
  await page.getByRole("link", { name: "Español" }).click();
  await page.waitForLoadState();
  assert.equal(await page.getAttribute("html", "lang"), "es");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Registro de auditoría");
  await shot(page, "audit-es");
  await page.goto(`${base}/people/1`);
  assert.match(await page.locator("#withheld-notice").textContent(), /ocultos para su función/,
               "auditors are told what is withheld");
  await shot(page, "person-withheld-es");
  assert.equal((await page.goto(`${base}/import`)).status(), 403, "auditors may not import");
  assert.match(await page.locator("main").textContent(), /No tiene permiso|no está permitido|permit/i);
}

runBrowserTest(ctx, "pages", seed, async ({ newPage, base, work, db, lists }) => {
  const name = knownName(lists);
  const page = await newPage();
  await logIn(page, base, "coord");
  await checkDashboardAndFamilies(page, base);
  await checkSearch(page, name);
  await checkIdentifierSearch(page, base, lists);
  const pair = await acceptFamilyLink(page, base);
  await checkFamily(page, base, pair);
  await assignAndProtect(page, base, pair);
  await checkImport(page, base, lists, work);
  await logOut(page);
  await checkAuditAndSpanish(page, base);
  await logOut(page);
  await checkFieldSearcher(page, base, pair);
  await checkLiaison(page, base, pair);
  await logIn(page, base, "root");
  await page.goto(`${base}/users?lang=en`);
  assert.match(await page.locator("table tbody").textContent(), /audra/);
  await shot(page, "users");
});
