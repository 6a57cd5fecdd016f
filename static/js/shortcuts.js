// Page-wide keys: n for the next article, ? for the shortcut overlay. The workspace
// module handles the rest when an article is open.

import { typingIn } from "./typing.js";

function toggleHelp(show) {
  const overlay = document.getElementById("shortcuts");
  if (!overlay) return false;
  overlay.hidden = show === undefined ? !overlay.hidden : !show;
  return true;
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event, { editable: true })) return;
  if (event.key === "?") {
    if (toggleHelp()) event.preventDefault();
  } else if (event.key === "Escape") {
    const overlay = document.getElementById("shortcuts");
    if (overlay && !overlay.hidden) {
      overlay.hidden = true;
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  } else if (event.key === "n") {
    if (document.querySelector("#quote-form:not([hidden])")) return; // unsaved work open
    const next = document.querySelector("[data-shortcut='n']");
    if (next) {
      event.preventDefault();
      next.click();
    }
  }
}, { capture: true });

document.addEventListener("click", (event) => {
  const action = event.target.closest("[data-action]")?.dataset.action;
  if (action === "help") toggleHelp(true);
  if (action === "close-help") toggleHelp(false);
});
