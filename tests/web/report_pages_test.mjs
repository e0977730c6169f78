// Browser test of the field search and report pages: seeds a database by CLI
// (synthetic lists, two linked families given to teams north and south, open
// search tasks, a court deadline already past), then in Chromium: the dashboard
// shows the overdue deadline; the search plan lists both teams; team north's
// worklist has its print layout (print stylesheet, Print button, a table per
// village) and downloads as CSV; the status report counts everything now and zero
// before any data, and shows Spanish labels with ?lang=es; a field searcher sees
// only their team's plan and is refused the report. Saves a screenshot of each page.
// Usage: node report_pages_test.mjs REUNITE_BINARY SOURCE_DIR ARTIFACTS_DIR
// Exit codes: 0 pass, 1 fail, 77 skipped (Chromium is not installed).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { cliRunner, logIn, PASSWORD, runBrowserTest, setUp } from "./harness.mjs";

const ctx = setUp("report_pages_test.mjs");
const { reunite, sourceDir, artifacts } = ctx;
const run = cliRunner(reunite);

// The first `n` ids of people of `kind` ("child" or "adult"), from `people`.
function ids(db, kind, n) {
  return run(db, ["people", "--kind", kind, "--limit", String(n)]).split("\n")
    .map((line) => line.split(/\s+/)[0]).filter((id) => /^\d+$/.test(id));
}

function seed(work) {
  const db = join(work, "cases.db");
  const lists = join(work, "lists");
  run(db, ["synth", "--families", "20", "--seed", "3", "--out", lists]);
  run(db, ["init"]);
  run(db, ["import", "--source", "ORR", "--kind", "child", "--quiet", join(lists, "children.csv")]);
  run(db, ["import", "--source", "ICE", "--kind", "adult", "--quiet", join(lists, "adults.csv")]);
  const [c1, c2] = ids(db, "child", 2);
  const [a1, a2] = ids(db, "adult", 2);
  run(db, ["link", c1, a1, "--relationship", "mother", "--verification", "documented", "--reason", "test"]);
  run(db, ["link", c2, a2, "--relationship", "father", "--verification", "documented", "--reason", "test"]);
  run(db, ["assign", c1, "--team", "north", "--reason", "test"]);
  run(db, ["assign", c2, "--team", "south", "--reason", "test"]);
  run(db, ["search-task", "add", "--adult", a1, "--country", "GT", "--department", "GT-AV", "--municipality", "Cobán",
           "--village", "Chamelco", "--org", "ICRC", "--team", "north"]);
  run(db, ["search-task", "add", "--adult", a2, "--country", "HN", "--department", "HN-AT", "--municipality", "La Ceiba",
           "--org", "ICRC", "--team", "south"]);
  // Added now, due in the past: overdue from the start (as tests/cli/workflow_test.sh adds deadlines).
  run(db, ["deadline", "add", "--title", "Court filing for the family", "--kind", "court", "--due", "2020-01-01",
           "--child", c1, "--reason", "order"]);
  run(db, ["org", "add", "Kids in Need"]);
  for (const [name, role, ...more] of [["coord", "coordinator"], ["fidel", "field_searcher", "--team", "north"]])
    run(db, ["user", "add", name, "--org", "Kids in Need", "--role", role, "--language", "en", ...more,
             "--password-stdin"], PASSWORD + "\n");
  return { db, c1 };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, `report-pages-${name}.png`), fullPage: true });

async function logOut(page) {
  await page.getByRole("button", { name: /Sign out|Cerrar sesión/ }).click();
  await page.waitForURL(/\/login/);
}

async function checkDashboard(page, c1) {
  const overdue = page.locator("#due-panel li.due-overdue").first();
  assert.match(await overdue.textContent(), /Court filing for the family/);
  assert.match(await overdue.textContent(), /days late/);
  assert.equal(await overdue.locator("a").getAttribute("href"), `/families/${c1}`);
  await shot(page, "dashboard");
}

async function checkPlanAndWorklist(page, base, work) {
  await page.getByRole("link", { name: "Search plan" }).click();
  await page.waitForURL(`${base}/search-plan`);
  assert.equal(await page.locator("#plan-total").textContent(), "2");
  assert.match(await page.locator("main").textContent(), /Alta Verapaz/);
  await shot(page, "search-plan");
  await page.locator("#plan-teams a", { hasText: "north" }).first().click();
  await page.waitForURL(/\/search-plan\/worklist\?team=north/);
  assert.equal(await page.locator("#worklist-total").textContent(), "1");
  assert.equal(await page.locator("table.worklist-table").count(), 1);
  assert.match(await page.locator("table.worklist-table thead").textContent(), /Visited on.*Result.*Notes/s);
  assert.equal(await page.locator("link[href*='print.css']").count(), 1);
  assert.ok(await page.locator("#print-button").isVisible(), "the Print button shows when scripts run");
  await page.emulateMedia({ media: "print" });
  assert.ok(!(await page.locator("header nav").isVisible()), "navigation is not printed");
  assert.ok(!(await page.locator("#print-button").isVisible()), "buttons are not printed");
  assert.ok(await page.locator("table.worklist-table").isVisible());
  await shot(page, "worklist-print");
  await page.emulateMedia({ media: "screen" });
  // Issue 14: on a 390 px phone the worklist is a column of cards, not a 973 px table.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
            "the worklist fits a phone's width");
  assert.ok(!(await page.locator("table.worklist-table thead").isVisible()), "no table header on a phone");
  await shot(page, "worklist-phone");
  await page.setViewportSize({ width: 1280, height: 720 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#worklist-csv").click()]);
  assert.equal(download.suggestedFilename(), "worklist-north.csv");
  const file = join(work, "worklist.csv");
  await download.saveAs(file);
  const csv = readFileSync(file, "utf8");
  // The one CSV writer of every export (common/csv_writer.h): RFC 4180, LF line ends.
  assert.ok(csv.startsWith("task_id,parent_id,parent,country,department,municipality,village,"), csv);
  const records = csv.split("\n");
  assert.equal(records.length, 3, "header, one task, and the empty rest after the last line end");
  assert.match(records[1], /,Chamelco,/);
}

async function checkStatusReport(page, base) {
  await page.getByRole("link", { name: "Status report" }).click();
  await page.waitForURL(`${base}/reports/status`);
  const children = page.locator("#report-tree tr[data-node='children'] td.count");
  assert.ok(Number(await children.textContent()) > 0, "children are counted now");
  assert.ok(Number(await page.locator("#report-entries").textContent()) > 0);
  await shot(page, "status-report");
  await page.getByLabel("As of").fill("2000-01-01");
  await Promise.all([page.waitForURL(/as_of=2000-01-01/), page.getByRole("button", { name: "Show the report" }).click()]);
  assert.equal(await children.textContent(), "0");
  assert.equal(await page.locator("#report-entries").textContent(), "0");
  assert.match(await page.locator("#report-as-of-used").textContent(), /^2000-01-01T23:59:59\.999Z$/);
  await page.getByLabel("As of").fill("yesterday");
  const [bad] = await Promise.all([page.waitForResponse(/as_of=yesterday/),
                                   page.getByRole("button", { name: "Show the report" }).click()]);
  assert.equal(bad.status(), 400);
  assert.match(await page.locator("#report-as-of-error").textContent(), /is not a UTC time/);
  const tree = JSON.parse(readFileSync(join(sourceDir, "data/report/status_tree.json"), "utf8"));
  await page.goto(`${base}/reports/status?lang=es`);
  assert.equal(await page.locator("h1").textContent(), "Informe de situación para el tribunal");
  assert.equal(await page.locator("#report-tree tr[data-node='children'] th").textContent(), tree.nodes[0].label.es);
  await shot(page, "status-report-es");
  await page.goto(`${base}/reports/status?lang=en`);
}

async function checkFieldSearcher(page, base) {
  await logIn(page, base, "fidel");
  await page.goto(`${base}/search-plan`);
  assert.equal(await page.locator("#plan-total").textContent(), "1");
  assert.doesNotMatch(await page.locator("main").textContent(), /south|La Ceiba/);
  assert.equal(await page.getByRole("link", { name: "Status report" }).count(), 0);
  const refused = await page.goto(`${base}/reports/status`);
  assert.equal(refused.status(), 403);
}

runBrowserTest(ctx, "report-pages", seed, async ({ newPage, base, work, db, c1 }) => {
  const page = await newPage({ acceptDownloads: true });
  await logIn(page, base, "coord");
  await checkDashboard(page, c1);
  await checkPlanAndWorklist(page, base, work);
  await checkStatusReport(page, base);
  await logOut(page);
  await checkFieldSearcher(page, base);
});
