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
