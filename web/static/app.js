// Reunite's own script. Loaded from /static (the CSP forbids inline scripts), after htmx.
"use strict";

// When an htmx request fails, show the server's JSON error ({"error": {"message"}}) in the
// element named by the trigger's data-error-target, instead of failing silently.
document.addEventListener("htmx:responseError", (event) => {
  const trigger = event.detail.elt;
  const targetId = trigger && trigger.getAttribute("data-error-target");
  const target = targetId ? document.getElementById(targetId) : null;
  if (!target) return;
  let message = event.detail.xhr.statusText;
  try {
    message = JSON.parse(event.detail.xhr.responseText).error.message;
  } catch (_) {
    // Not JSON: keep the status text.
  }
  target.textContent = message;
  target.setAttribute("role", "alert");
});

// A form marked data-swap-invalid gets the page back with 400, 409 or 422 when the
// server refuses its input or the change; show that page (it says which field and
// why) instead of ignoring it. (Here detail.elt is the swap target; the form is the
// request's elt.)
document.addEventListener("htmx:beforeSwap", (event) => {
  const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
  const refused = [400, 409, 422].includes(event.detail.xhr.status);
  if (refused && trigger && trigger.hasAttribute("data-swap-invalid")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// Dashboard bar charts: the numbers come from the canvas's data-chart attribute (JSON),
// because the CSP forbids inline scripts. Runs after every deferred script, Chart.js included.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof window.Chart !== "function") return;
  for (const canvas of document.querySelectorAll("canvas.bar-chart[data-chart]")) {
    let data;
    try {
      data = JSON.parse(canvas.getAttribute("data-chart"));
    } catch (_) {
      continue;  // the table beside the chart still shows the numbers
    }
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: canvas.getAttribute("data-label") || "", data: data.values }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
});

// Print buttons (the worklist): shown only when this script runs, since without it
// they could do nothing; the browser's own print command works either way.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});

// Review page keyboard shortcuts: a accept, r reject, d different people, j next, k previous.
// Each names an element by id; typing in a field never triggers them.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const page = document.querySelector("[data-review-shortcuts]");
  if (!page) return;
  const actions = { a: "accept-button", r: "reject-reason", d: "different-button", j: "next-link", k: "prev-link" };
  const el = document.getElementById(actions[event.key] || "");
  if (!el) return;
  event.preventDefault();
  // Reject needs a reason: focus its field instead of submitting an empty one.
  if (el.tagName === "INPUT") el.focus();
  else el.click();
});
