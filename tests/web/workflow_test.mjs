// Browser test of the family page's workflow panel: a coordinator walks one family
// from an unknown father to closed as reunified, through the panel's forms (htmx
// swaps the panel in place): two failed calls (phone attempted, not reachable), a
// field search task (field search), a visit that located him (located), the
// decision, the logistics plan and every step, and closure; a refused closure shows
// the library's reason in place. Then the page in Spanish. Around the walk: the
// dashboard's due panel loses the father's first-contact item once he is called;
// the status report page changes (located, decision, reunified, remaining), gives
// the same counts as the JSON API and `reunite report status` for the same time,
// and a report as of a time before the walk still gives the counts seen then.
// Usage: node workflow_test.mjs REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR
// Exit codes: 0 pass, 1 fail, 77 skipped (Chromium is not installed).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { cliRunner, logIn, PASSWORD, runBrowserTest, setUp } from "./harness.mjs";

const ctx = setUp("workflow_test.mjs");
const { reunite, artifacts } = ctx;
const run = cliRunner(reunite);
const CHILD = 1, FATHER = 2;

// One child and her father, linked; a coordinator.
function seed(work) {
  const db = join(work, "cases.db");
  const children = join(work, "children.csv"), adults = join(work, "adults.csv");
  writeFileSync(children, "record_id,given_names,surnames,sex,date_of_birth,country\nORR-1,Ana,Xol Caal,F,2012-03-04,GT\n");
  writeFileSync(adults, "record_id,given_names,surnames,sex,date_of_birth,country,phones\n" +
                        "ICE-1,José,Xol Pop,M,1985-02-03,GT,+502 5555 1234\n");
  run(db, ["init"]);
  run(db, ["import", "--quiet", "--source", "ORR", "--kind", "child", "--date-order", "iso", children]);
  run(db, ["import", "--quiet", "--source", "ICE", "--kind", "adult", "--date-order", "iso", adults]);
  run(db, ["link", String(CHILD), String(FATHER), "--relationship", "father", "--verification", "documented",
           "--reason", "birth certificate"]);
  run(db, ["org", "add", "Kids in Need"]);
  run(db, ["user", "add", "coord", "--org", "Kids in Need", "--role", "coordinator", "--language", "en",
           "--password-stdin"], PASSWORD + "\n");
  return { db };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `workflow-${name}.png`), fullPage: true });

// Waits until the element shows `text` (the panel was swapped in place).
const shows = (page, selector, text) => page.locator(selector, { hasText: text }).waitFor({ timeout: 10000 });

async function logContact(page, fields) {
  const form = `#contact-form-${FATHER}`;
  await page.locator(`#parent-${FATHER} summary`, { hasText: "Log a contact" }).click();
  await page.selectOption(`${form}-kind`, fields.kind);
  await page.selectOption(`${form}-result`, fields.result);
  for (const name of ["number", "place", "team", "notes"])
    if (fields[name]) await page.fill(`${form}-${name}`, fields[name]);
  await page.click(`${form}-submit`);
  await shows(page, `#contacts-${FATHER}`, fields.notes);
}

async function moveTracing(page, to, event, label) {
  const form = `#tracing-form-${FATHER}`;
  await page.selectOption(`${form}-to`, to);
  await page.selectOption(`${form}-event`, event);
  await page.click(`${form}-submit`);
  await shows(page, `#tracing-state-${FATHER}`, label);
}

async function trace(page) {
  await logContact(page, { kind: "call", result: "no_answer", number: "+502 5555 1234", notes: "first call" });
  assert.match(await page.locator(`#contacts-${FATHER}`).textContent(), /No answer.*\+502 5555 1234.*coord/s);
  await moveTracing(page, "phone_attempted", "contact:1", "Phone attempted");
  await logContact(page, { kind: "call", result: "no_answer", number: "+502 5555 1234", notes: "second call" });
  await moveTracing(page, "not_reachable", "contact:2", "Not reachable");
  // From not_reachable the form offers only the moves the diagram allows.
  const offered = await page.locator(`#tracing-form-${FATHER}-to option`).evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered.sort(), ["field_search", "in_contact"]);

  const task = `#task-form-${FATHER}`;
  await page.locator(`#parent-${FATHER} summary`, { hasText: "Open a field search task" }).click();
  await page.fill(`${task}-country`, "GT");
  await page.fill(`${task}-department`, "GT-AV");
  await page.fill(`${task}-municipality`, "Cobán");
  await page.fill(`${task}-village`, "Chamelco");
  await page.fill(`${task}-organisation`, "ICRC");
  await page.fill(`${task}-team`, "north");
  await page.click(`${task}-submit`);
  await shows(page, `#tasks-${FATHER}`, "Chamelco");
  await moveTracing(page, "field_search", "task:1", "Field search");

  await logContact(page, { kind: "visit", result: "located", place: "Chamelco, casa 4", team: "north",
                           notes: "found at home" });
  await moveTracing(page, "located", "contact:3", "Located");
  await shot(page, "traced");
}

async function decide(page) {
  await page.selectOption("#decision-form-kind", "reunify_home");
  await page.selectOption("#decision-form-adult", String(FATHER));
  await page.fill("#decision-form-language", "es");
  await page.check("#decision-form-interpreter_used");
  await page.fill("#decision-form-interpreter", "Rosa Tzul");
  await page.fill("#decision-form-witness", "Lic. Pérez");
  await page.check("#decision-form-signed");
  await page.click("#decision-form-submit");
  await shows(page, "#decision-current", "Reunify in the home country");
  assert.match(await page.locator("#decision-history").textContent(), /Rosa Tzul.*Lic\. Pérez.*yes/s);
}

async function closeAsReunified(page) {
  // Closing as reunified before the step is refused in place, with the library's reason.
  await page.selectOption("#close-form-closure_reason", "reunified");
  await page.click("#close-form-submit");
  await shows(page, "#close-form-error", "needs the logistics step reunified");
  assert.equal(await page.locator("#closure-state").textContent(), "open");

  await page.selectOption("#logistics-plan-form-plan", "return_home");
  await page.click("#logistics-plan-form-submit");
  await shows(page, "#logistics-plan", "Return home");
  for (const step of ["travel_document", "flight_booked", "escort", "receiving_agency_notified", "departed",
                      "arrived", "reunified"]) {
    assert.equal(await page.locator("#logistics-step-form-step").inputValue(), step, "the next step is preselected");
    await page.click("#logistics-step-form-submit");
    await page.locator(`#step-${step} .done`).waitFor({ timeout: 10000 });
  }
  assert.match(await page.locator("#logistics-steps").textContent(), /Reunified: done \d{4}-\d\d-\d\d · coord/);
  await page.selectOption("#close-form-closure_reason", "reunified");
  await page.click("#close-form-submit");
  await shows(page, "#closure-state", "Reunified");
  await shot(page, "closed");
}

// The texts of the dashboard's due items (the panel loads after the page).
async function dueItems(page, base) {
  await page.goto(`${base}/`);
  await page.locator("#due-panel ul.due-items").waitFor({ state: "attached", timeout: 10000 });
  return page.locator("#due-panel ul.due-items li").allTextContents();
}

// Category id -> count, from the status report page, the JSON API and the CLI.
async function pageCounts(page, base, asOf) {
  await page.goto(`${base}/reports/status?as_of=${encodeURIComponent(asOf)}`);
  const rows = await page.locator("#report-tree tr[data-node]").evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.node, Number(tr.querySelector("td.count").textContent)]));
  return Object.fromEntries(rows);
}
const countsOf = (report) => Object.fromEntries(report.nodes.map((n) => [n.id, n.count]));
async function apiCounts(page, base, asOf) {
  const res = await page.request.get(`${base}/api/reports/status?as_of=${encodeURIComponent(asOf)}`);
  assert.equal(res.status(), 200);
  return countsOf(await res.json());
}
const cliCounts = (db, asOf) => countsOf(JSON.parse(run(db, ["report", "status", "--format", "json", "--as-of", asOf])));

async function sameCountsEverywhere(page, base, db, asOf) {
  const shown = await pageCounts(page, base, asOf);
  assert.ok(Object.keys(shown).length > 20, "the page shows the whole category tree");
  assert.deepEqual(await apiCounts(page, base, asOf), shown, `API and page as of ${asOf}`);
  assert.deepEqual(cliCounts(db, asOf), shown, `CLI and page as of ${asOf}`);
  return shown;
}

runBrowserTest(ctx, "workflow", seed, async ({ newPage, base, work, db }) => {
  const page = await newPage();
  await logIn(page, base, "coord");
  const firstContact = new RegExp(`First contact attempt with parent #${FATHER}\\b`);
  assert.ok((await dueItems(page, base)).some((t) => firstContact.test(t)), "the father is due a first call");
  const before = new Date().toISOString();
  const was = await sameCountsEverywhere(page, base, db, before);
  assert.deepEqual([was.children, was.children_located, was.children_decision_pending, was.children_reunified,
                    was.children_remaining], [1, 0, 1, 0, 1]);

  await page.goto(`${base}/families/${CHILD}`);
  assert.equal(await page.locator(`#tracing-state-${FATHER}`).textContent(), "Unknown");
  await trace(page);
  await decide(page);
  await closeAsReunified(page);

  assert.ok(!(await dueItems(page, base)).some((t) => firstContact.test(t)), "the call met the first-contact rule");
  await shot(page, "dashboard-after");
  const now = await sameCountsEverywhere(page, base, db, new Date().toISOString());
  assert.deepEqual([now.children, now.children_located, now.children_decision_reunify_home,
                    now.children_decision_pending, now.children_reunified, now.children_remaining,
                    now.parents_reunified], [1, 1, 1, 0, 1, 0, 1]);
  await shot(page, "report-after");
  assert.deepEqual(await sameCountsEverywhere(page, base, db, before), was, "a past report is unchanged by the walk");
  await page.goto(`${base}/families/${CHILD}`);
  // The whole page (not just the swapped panel) agrees after a reload.
  await page.reload();
  assert.equal(await page.locator(`#tracing-state-${FATHER}`).textContent(), "Located");
  assert.equal(await page.locator("#closure-state").textContent(), "Reunified");
  assert.ok(await page.locator("#reopen-form").count() === 1, "a closed family offers reopening");
  assert.equal(await page.locator("#decision-form, #logistics-plan-form, #logistics-step-form").count(), 0,
               "a closed family offers no decision or logistics form");
  assert.ok(await page.locator("#workflow-closed-note").isVisible());

  await page.goto(`${base}/families/${CHILD}?lang=es`);
  assert.equal(await page.locator("#workflow").textContent(), "Localización y reunificación");
  assert.equal(await page.locator("#closure-state").textContent(), "Reunificado");
  assert.equal(await page.locator(`#tracing-state-${FATHER}`).textContent(), "Localizado");
  await shot(page, "es");
});
