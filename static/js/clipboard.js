// Copy buttons: <button data-copy="ID" data-copy-status="ID"> copies the text of the
// element named by data-copy (a new API token, shown only once) and says so in the
// live region named by data-copy-status. Where the Clipboard API is refused (a page not
// served over HTTPS, a browser that asks and is told no), the text is selected instead,
// for Ctrl+C.

import { gettext } from "./translate.js";

document.addEventListener("click", async (event) => {
  const button = event.target.closest?.("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source) return;
  const status = document.getElementById(button.dataset.copyStatus);
  const tell = (message) => {
    if (status) status.textContent = message;
  };
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    tell(gettext("Copied to the clipboard."));
  } catch {
    window.getSelection().selectAllChildren(source);
    tell(gettext("Could not copy here: the token is selected, press Ctrl+C (or ⌘C) to copy it."));
  }
});
