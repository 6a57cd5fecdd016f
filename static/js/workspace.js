// The annotation workspace: selection to quote form, keyboard caret, speaker type-ahead,
// stances, suggestions. Every write goes through htmx and the server answers with the
// panel (and the highlighted text); this module only reads the DOM it is given, so it
// survives any swap.

import {
  offsetToPoint,
  paragraphBounds,
  selectionOffsets,
  trimSpan,
} from "./offsets.js";
import { gettext } from "./translate.js";
import { typingIn } from "./typing.js";

const state = {
  articleId: null,
  points: [], // the article text as code points
  caret: 0,
  anchor: null, // keyboard selection anchor, or null
  span: null, // [start, end] of the quote in the form
  // The selection last taken and what it set ("quote" or "cue"): the first selection is
  // the quote, a new one while the form is open the cue; a selection that goes on (Shift+
  // arrows, a touch handle dragged) keeps its role. `q` makes a selection the quote.
  gesture: null, // {role, start, end, by: "pointer" | "keys" | "touch"}
  cueBefore: null, // the cue before a selection set it, which `q` puts back
  lastSelection: null, // [start, end] of the latest selection in the text, once trimmed
  quote: null, // the quote being edited (data from the server), or null for a new one
  pending: false, // a save is on its way
  addsSpeaker: false, // ... and names a speaker not in the catalog yet
  feedbackTimer: null, // clears what the last write said
};

const $ = (selector, root = document) => root.querySelector(selector);
const workspace = () => $("#workspace");
const articleEl = () => $("#article-text");
const form = () => $("#quote-form");
const quoteData = () => JSON.parse($("#quote-panel")?.dataset.quotes || "[]");
let speakers = []; // the project's catalog, fetched after the page loads
const catalog = () => speakers;
// The fetch in flight (or done): a name typed before the catalog arrives waits for it,
// or "berg" + Enter would offer only "Create new speaker" and make a duplicate.
let catalogLoading = Promise.resolve();
let catalogReady = true;

function loadCatalog() {
  catalogReady = false;
  catalogLoading = fetchCatalog().finally(() => {
    catalogReady = true;
  });
  return catalogLoading;
}

async function fetchCatalog() {
  const url = workspace()?.dataset.catalogUrl;
  if (!url) return;
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (response.ok) speakers = await response.json();
  } catch {
    // Offline: the type-ahead offers what it has; the save says what failed.
  }
}
const editable = () => workspace()?.dataset.editable === "true";
const quoteUrl = (id, action = "") =>
  `${workspace().dataset.createUrl}${id}/${action ? `${action}/` : ""}`;

function textOf(start, end) {
  return state.points.slice(start, end).join("");
}

// Narrow screens show the form as a sheet over the text (app.css, "Narrow screens").
const narrow = () => matchMedia("(max-width: 60rem)").matches;

function say(message, isError = true) {
  const box = $("#panel-message");
  if (!box) return;
  box.replaceChildren(...(message ? [Object.assign(document.createElement("p"),
    { textContent: message })] : []));
  box.classList.toggle("error", Boolean(message) && isError);
  box.hidden = !message;
}

// ---- Setup after every page load or swap -------------------------------------------

function setup() {
  const ws = workspace();
  if (!ws) return;
  if (ws.dataset.article !== state.articleId) {
    state.articleId = ws.dataset.article;
    loadCatalog();
    state.points = Array.from(JSON.parse(ws.dataset.text));
    state.caret = 0;
    state.anchor = null;
    closeForm();
  }
  const panel = $("#quote-panel");
  if (panel?.dataset.formState) {
    openForm(JSON.parse(panel.dataset.formState), { keepMessage: true });
  } else if (state.pending) {
    closeForm();
    if (state.addsSpeaker) loadCatalog();
  }
  state.pending = false;
  state.addsSpeaker = false;
  markSelected(Number(panel?.dataset.selected) || state.quote?.id || null);
  showCaret(); // the text may be new, and still have the focus
  const feedback = $("#ws-feedback");
  if (feedback?.childElementCount) {
    // Said once; the undo offer lasts as long as the server honours it, nearly.
    clearTimeout(state.feedbackTimer);
    state.feedbackTimer = setTimeout(() => feedback.replaceChildren(), 8000);
  }
}

// htmx fires this on <body> once it has started, too: no DOMContentLoaded listener.
document.addEventListener("htmx:load", setup);

document.addEventListener("htmx:sendError", () => {
  state.pending = false;
  say(gettext("The server could not be reached; nothing was saved. Press Enter to try again."));
});
document.addEventListener("htmx:responseError", (event) => {
  state.pending = false;
  say(gettext("The server failed (%(status)s); nothing was saved. Try again.", { status: event.detail.xhr.status }));
});

// ---- Highlighting the quote in hand --------------------------------------------------

function markSelected(id) {
  document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  if (!id) return;
  document.querySelectorAll(`#article-text [data-q~="${id}"], [data-quote-id="${id}"]`)
    .forEach((el) => el.classList.add("selected"));
}

// ---- The form ----------------------------------------------------------------------------

function openForm(data, { keepMessage = false } = {}) {
  const f = form();
  if (!f || !editable()) return;
  state.quote = data.id ? data : null;
  state.gesture = null;
  state.cueBefore = null;
  f.reset();
  f.hidden = false;
  setSpan(Number(data.start), Number(data.end));
  f.elements.version.value = data.version || "";
  f.elements.request_id.value = data.id ? "" : (data.request_id || crypto.randomUUID());
  f.elements.kind.value = data.kind || "direct";
  f.elements.speaker.value = data.speaker || "";
  f.elements.speaker_name.value = data.speaker_name || "";
  f.elements.speaker_description.value = data.speaker_description || "";
  f.elements.speaker_description.hidden = !(data.speaker_name && !data.speaker);
  setCue(data.cue_start ?? null, data.cue_end ?? null);
  setMention(data.speaker_start ?? null, data.speaker_end ?? null);
  for (const [target, label] of Object.entries(data.stances || {})) {
    const radio = f.querySelector(`input[name="stance-${target}"][value="${CSS.escape(label)}"]`);
    if (radio) radio.checked = true;
  }
  activateStanceRow(f.querySelector(".stance-row"));
  const suggested = data.origin === "suggested";
  $(".form-title", f).textContent = data.id
    ? (suggested ? gettext("Suggested quote") : gettext("Edit quote")) : gettext("New quote");
  f.classList.toggle("is-suggestion", suggested);
  $("[data-action='accept']", f).hidden = !suggested;
  $("[data-action='delete']", f).hidden = !data.id;
  if (!keepMessage) say("");
  markSelected(data.id || null);
}

function closeForm() {
  const f = form();
  if (f) {
    f.hidden = true;
    f.reset();
  }
  hideOptions();
  state.quote = null;
  state.span = null;
  state.gesture = null;
  state.cueBefore = null;
  markSelected(null);
}

function setSpan(start, end) {
  const f = form();
  state.span = [start, end];
  f.elements.start.value = start;
  f.elements.end.value = end;
  f.elements.text.value = textOf(start, end);
  $("[data-field='text-preview']", f).textContent = textOf(start, end);
}

function cueOf() {
  const f = form();
  const start = f.elements.cue_start.value;
  return start === "" ? [null, null] : [Number(start), Number(f.elements.cue_end.value)];
}

function setCue(start, end) {
  const f = form();
  f.elements.cue_start.value = start ?? "";
  f.elements.cue_end.value = end ?? "";
  $("[data-field='cue-text']", f).textContent = start === null ? gettext("none") : textOf(start, end);
}

/** Where the text names the speaker ("Hansen"): kept as the quote has it unless changed. */
function setMention(start, end) {
  const f = form();
  f.elements.speaker_start.value = start ?? "";
  f.elements.speaker_end.value = end ?? "";
  $("[data-field='mention-text']", f).textContent =
    start === null ? gettext("none") : textOf(start, end);
}

function activateStanceRow(row) {
  if (!row) return;
  form().querySelectorAll(".stance-row").forEach((r) => r.classList.toggle("active", r === row));
}

function setStance(digit) {
  const row = $(".stance-row.active", form());
  if (!row) return;
  const radios = row.querySelectorAll("input[type=radio]");
  if (digit >= radios.length) return;
  radios[digit].checked = true;
  activateStanceRow(row.nextElementSibling || row);
}

function submit(url, values) {
  if (state.pending) return; // a double press sends one request
  state.pending = true;
  // Only the form itself can add a speaker: a name typed without picking one.
  const f = form();
  state.addsSpeaker = !values && Boolean(f.elements.speaker_name.value.trim()) &&
    !f.elements.speaker.value;
  $("#ws-feedback")?.replaceChildren(); // the answer says what this write did
  // The source carries the CSRF header (hx-headers on #page) to the request.
  const options = { target: "#quote-panel", swap: "outerHTML", source: f };
  if (values) Object.assign(options, { source: $("#quote-panel"), values });
  htmx.ajax("POST", url, options);
}

function save() {
  const f = form();
  if (!f || f.hidden) return;
  const send = () => submit(state.quote ? quoteUrl(state.quote.id) : workspace().dataset.createUrl);
  // A speaker typed before the catalog arrived is chosen once it has: send after that.
  if (catalogReady) send();
  else catalogLoading.then(send);
}

function removeQuote() {
  if (!state.quote) return;
  submit(quoteUrl(state.quote.id, "delete"), { version: state.quote.version });
}

function accept() {
  if (state.quote?.origin !== "suggested") return;
  submit(quoteUrl(state.quote.id, "accept"), { version: state.quote.version });
}

/** Open the suggestion after (`step` 1) or before (-1) the open quote, else the caret. */
function stepSuggestion(step) {
  const suggestions = quoteData().filter((q) => q.origin === "suggested"); // in text order
  if (!suggestions.length) {
    say(gettext("No suggestions left in this article."), false);
    return;
  }
  const open = state.quote ? suggestions.findIndex((q) => q.id === state.quote.id) : -1;
  let index;
  if (open >= 0) index = open + step;
  else {
    const from = state.quote ? state.quote.start : readingPosition();
    const after = suggestions.findIndex((q) => q.start >= from);
    if (step > 0) index = after;
    else index = (after < 0 ? suggestions.length : after) - 1;
  }
  const data = suggestions[(index + suggestions.length) % suggestions.length];
  openForm(data);
  state.caret = data.start;
  scrollToOffset(data.start);
}

/** The cursor's offset if it is on screen, else where the text on screen begins. */
function readingPosition() {
  const article = articleEl();
  const { node, offset } = offsetToPoint(article, state.caret);
  const range = document.createRange();
  range.setStart(node, offset);
  const rect = range.getClientRects()[0] || range.getBoundingClientRect();
  if (rect.bottom > 0 && rect.top < innerHeight) return state.caret;
  const shown = [...article.querySelectorAll("p[data-s]")]
    .find((p) => p.getBoundingClientRect().bottom > 0);
  return shown ? Number(shown.dataset.s) : state.caret;
}

function scrollToOffset(offset) {
  const { node } = offsetToPoint(articleEl(), offset);
  const behavior = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  (node.parentElement || node).scrollIntoView?.({ block: "center", behavior });
}

// ---- Selections: mouse, touch and keyboard --------------------------------------------

/** Take the text selected as `[start, end]`: the quote, or the cue (see `state.gesture`).
 * `continues`: the selection being taken goes on from the last one (same role). */
function takeSelection(start, end, { by, continues = false }) {
  [start, end] = trimSpan(state.points, start, end);
  if (end <= start || !editable()) return;
  state.lastSelection = [start, end];
  const f = form();
  if (f.hidden) {
    openForm({ start, end, kind: "direct" });
    state.gesture = { role: "quote", start, end, by };
    keepInSight();
    return;
  }
  const role = continues && state.gesture ? state.gesture.role : "cue";
  if (role === "quote") setSpan(start, end);
  else if (state.span[0] === start && state.span[1] === end) return; // the quote itself
  else {
    if (!continues) state.cueBefore = cueOf();
    setCue(start, end);
    say(`Cue: “${textOf(start, end)}”. To make these words the quote instead, press q ` +
      "(or “Make the selected words the quote”); if they name the speaker, press w.", false);
  }
  state.gesture = { role, start, end, by };
}

/** Make the selection the quote's span (the cue it may have set goes back). */
function quoteFromSelection() {
  const selected = currentSelection() || state.lastSelection;
  if (!selected) {
    say(gettext("Select the words of the quote first, then press q."), false);
    return;
  }
  const [start, end] = selected;
  const [cueStart, cueEnd] = cueOf();
  if (state.cueBefore && cueStart === start && cueEnd === end) setCue(...state.cueBefore);
  setSpan(start, end);
  state.gesture = { role: "quote", start, end, by: "keys" };
  state.cueBefore = null;
  say("");
}

// On a narrow screen the form covers the lower part of the text: scroll the selection
// above it.
function keepInSight() {
  if (!narrow() || !window.getSelection().rangeCount) return;
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  const sheetTop = form().getBoundingClientRect().top;
  if (rect.height && rect.bottom > sheetTop - 16) {
    window.scrollBy({ top: Math.min(rect.bottom - sheetTop + 32, rect.top - 16) });
  }
}

function currentSelection() {
  const range = selectionOffsets(articleEl());
  if (!range) return null;
  const [start, end] = trimSpan(state.points, range[0], range[1]);
  return end > start ? [start, end] : null;
}

// A mouse drag is taken when the button comes up. A touch selection has no such moment
// (a long press, then handles dragged, which send no touch events to the page): it is
// taken when it stops changing, or at the touch's end. Only after a touch: with a mouse,
// the selection Chromium leaves on a find-in-page match is not a quote.
let pointerDown = false;
let lastPointer = "";
let selectionTimer = null;

document.addEventListener("pointerdown", (event) => {
  if (!event.isPrimary) return;
  pointerDown = true;
  lastPointer = event.pointerType;
}, { capture: true });
document.addEventListener("pointercancel", () => {
  pointerDown = false;
}, { capture: true });

document.addEventListener("pointerup", (event) => {
  pointerDown = false;
  const article = event.target.closest?.("#article-text");
  if (!article || !editable()) return;
  const range = selectionOffsets(article);
  if (range && range[1] > range[0]) {
    state.caret = range[1];
    state.anchor = range[0]; // Shift+arrows go on with it
    showCaret();
    takeSelection(range[0], range[1], { by: event.pointerType === "touch" ? "touch" : "pointer" });
    return;
  }
  if (range) {
    state.caret = range[0]; // a click puts the cursor there
    state.anchor = null;
    showCaret();
  }
  // A plain click on a highlight selects its innermost quote.
  const segment = event.target.closest("[data-q]");
  if (segment) {
    const id = Number(segment.dataset.q.split(" ")[0]);
    const data = quoteData().find((q) => q.id === id);
    if (data) openForm(data);
  }
});

function takeSettledSelection() {
  clearTimeout(selectionTimer);
  if (pointerDown || lastPointer !== "touch" || !workspace() || !editable()) return;
  const selected = currentSelection();
  if (!selected) return;
  const [start, end] = selected;
  const last = state.gesture;
  if (last && last.start === start && last.end === end) return; // taken already
  if (!form().hidden && state.span[0] === start && state.span[1] === end) return;
  // A handle dragged moves one end and keeps the other.
  const continues = last?.by === "touch" && (last.start === start || last.end === end);
  state.caret = end;
  takeSelection(start, end, { by: "touch", continues });
}

document.addEventListener("touchend", (event) => {
  if (!event.target.closest?.("#article-text")) return;
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(takeSettledSelection, 50);
});

document.addEventListener("selectionchange", () => {
  if (pointerDown || lastPointer !== "touch" || !workspace()) return;
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(takeSettledSelection, 250);
});

document.addEventListener("click", (event) => {
  const item = event.target.closest(".quote-item[data-quote-id]");
  if (item && editable()) {
    const data = quoteData().find((q) => q.id === Number(item.dataset.quoteId));
    if (data) {
      openForm(data);
      scrollToOffset(data.start);
    }
  }
  const row = event.target.closest(".stance-row");
  if (row) activateStanceRow(row);
  const action = event.target.closest("[data-action]")?.dataset.action;
  if (action === "cancel") closeForm();
  if (action === "delete") removeQuote();
  if (action === "accept") accept();
  if (action === "clear-cue") setCue(null, null);
  if (action === "clear-mention") setMention(null, null);
  if (action === "quote-from-selection") quoteFromSelection();
});

// The form's selection buttons must not clear the selection they are about.
document.addEventListener("mousedown", (event) => {
  if (event.target.closest?.("[data-action='quote-from-selection']")) event.preventDefault();
});

document.addEventListener("submit", (event) => {
  if (event.target.id === "quote-form") {
    event.preventDefault();
    save();
  }
});

function wordBoundary(from, direction) {
  const points = state.points;
  let i = from;
  const isWord = (ch) => /[\p{L}\p{N}\p{M}]/u.test(ch || "");
  if (direction > 0) {
    while (i < points.length && !isWord(points[i])) i++;
    while (i < points.length && isWord(points[i])) i++;
  } else {
    while (i > 0 && !isWord(points[i - 1])) i--;
    while (i > 0 && isWord(points[i - 1])) i--;
  }
  return i;
}

function moveCaret(key, byWord) {
  const paragraphs = paragraphBounds(articleEl());
  if (!paragraphs.length) return;
  const index = Math.max(0, paragraphs.findIndex(([, e]) => state.caret <= e));
  const [start, end] = paragraphs[index];
  let caret = Math.min(Math.max(state.caret, start), end);
  if (key === "ArrowRight") {
    caret = byWord ? wordBoundary(caret, 1) : caret + 1;
    if (caret > end) caret = paragraphs[index + 1]?.[0] ?? end;
  } else if (key === "ArrowLeft") {
    caret = byWord ? wordBoundary(caret, -1) : caret - 1;
    if (caret < start) caret = paragraphs[index - 1]?.[1] ?? start;
  } else {
    const other = paragraphs[index + (key === "ArrowDown" ? 1 : -1)];
    caret = other ? Math.min(other[0] + (caret - start), other[1]) : caret;
  }
  state.caret = caret;
}

function showKeyboardSelection() {
  const article = articleEl();
  const anchor = state.anchor ?? state.caret;
  const a = offsetToPoint(article, anchor);
  const b = offsetToPoint(article, state.caret);
  window.getSelection().setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  (b.node.parentElement || b.node).scrollIntoView?.({ block: "nearest" });
  showCaret();
}

// The text is not editable, so the browser draws no caret for a collapsed selection:
// a bar of our own marks the cursor while the text has the focus.
function showCaret() {
  const article = articleEl();
  if (!article || !workspace()) return; // the adjudication board has a text of its own
  let mark = $(".caret-mark", article);
  const { node, offset } = offsetToPoint(article, state.caret);
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const rect = range.getClientRects()[0] || range.getBoundingClientRect();
  if (!rect.height || document.activeElement !== article) {
    if (mark) mark.hidden = true;
    return;
  }
  if (!mark) {
    mark = Object.assign(document.createElement("span"), { className: "caret-mark" });
    mark.setAttribute("aria-hidden", "true");
    article.append(mark);
  }
  mark.hidden = false;
  const box = article.getBoundingClientRect();
  // Positions through the CSSOM: the CSP forbids style attributes, not this.
  mark.style.left = `${rect.left - box.left + article.scrollLeft - article.clientLeft}px`;
  mark.style.top = `${rect.top - box.top + article.scrollTop - article.clientTop}px`;
  mark.style.height = `${rect.height}px`;
}

document.addEventListener("focusout", (event) => {
  if (event.target.id === "article-text") {
    const mark = $(".caret-mark", event.target);
    if (mark) mark.hidden = true;
  }
});
document.addEventListener("focusin", (event) => {
  if (event.target.id === "article-text") showCaret();
});
window.addEventListener("resize", showCaret);

// ---- Keys ----------------------------------------------------------------------------

function onArticleKey(event) {
  const arrows = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];
  if (!arrows.includes(event.key) || !document.activeElement?.closest?.("#article-text")) {
    return false;
  }
  const continues = event.shiftKey && state.anchor !== null;
  if (event.shiftKey && state.anchor === null) state.anchor = state.caret;
  if (!event.shiftKey) state.anchor = null;
  moveCaret(event.key, event.ctrlKey || event.altKey);
  showKeyboardSelection();
  if (event.shiftKey && state.anchor !== state.caret) {
    const [start, end] = [Math.min(state.anchor, state.caret), Math.max(state.anchor, state.caret)];
    takeSelection(start, end, { by: "keys", continues });
  }
  return true;
}

function onFormKey(event) {
  const f = form();
  if (!f || f.hidden) return false;
  const key = event.key;
  if (key === "Enter" && !event.ctrlKey) save();
  else if (key === "Escape") closeForm();
  else if (key === "d" || key === "i" || key === "m") {
    f.elements.kind.value = { d: "direct", i: "indirect", m: "mixed" }[key];
  } else if (key === "s" || key === "/") {
    f.elements.speaker_name.focus();
    f.elements.speaker_name.select();
  } else if (key === "c") {
    const cue = currentSelection();
    if (!cue || (state.span && cue[0] === state.span[0] && cue[1] === state.span[1])) {
      say(gettext("Select the cue words first (a second selection), then press c."), false);
    } else {
      setCue(cue[0], cue[1]);
      say("");
    }
  } else if (key === "w") {
    const named = currentSelection() || state.lastSelection;
    if (!named || (state.span && named[0] === state.span[0] && named[1] === state.span[1])) {
      say(gettext("Select the words that name the speaker first, then press w."), false);
    } else {
      const [cueStart, cueEnd] = cueOf();
      // The selection set the cue as it was taken: it names the speaker instead.
      if (state.cueBefore && cueStart === named[0] && cueEnd === named[1]) setCue(...state.cueBefore);
      state.cueBefore = null;
      setMention(named[0], named[1]);
      say("");
    }
  } else if (key === "q") quoteFromSelection();
  else if (/^[0-9]$/.test(key)) {
    setStance(Number(key));
  } else if (key === "Delete" || key === "Backspace") removeQuote();
  else if (key === "a") accept();
  else if (key === "x") {
    if (state.quote?.origin === "suggested") removeQuote();
  } else return false;
  return true;
}

document.addEventListener("keydown", (event) => {
  // A focused kind or stance radio still takes the form's keys.
  if (!workspace() || typingIn(event, { radios: false }) || event.metaKey) return;
  if (!$("#shortcuts")?.hidden) return;
  let handled = false;
  if (event.key === "Enter" && event.ctrlKey) {
    $("#status-form")?.requestSubmit();
    handled = true;
  } else if ((event.key === "j" || event.key === "k") && !event.ctrlKey && !event.altKey &&
             editable()) {
    // Tab is left to move the focus.
    stepSuggestion(event.key === "j" ? 1 : -1);
    handled = true;
  } else if ((event.key === "A" || event.key === "X") && event.shiftKey && editable()) {
    // All waiting suggestions at once; htmx asks for confirmation with their number.
    const action = event.key === "A" ? "accept" : "reject";
    $(`[data-judge="${action}"]`)?.form.requestSubmit();
    handled = true;
  } else if (event.key === "u" && $("form[data-undo]")) {
    $("form[data-undo]").requestSubmit();
    handled = true;
  } else if (event.key === "h" && !event.ctrlKey && !event.altKey && state.quote?.id) {
    showQuoteHistory(state.quote.id);
    handled = true;
  } else if (event.key === "f" && !event.ctrlKey && !event.altKey && $("#flag-form")) {
    openFlagForm();
    handled = true;
  } else if (!event.ctrlKey || event.key.startsWith("Arrow")) {
    handled = onArticleKey(event) || (editable() && onFormKey(event));
  }
  if (handled) event.preventDefault();
});

// ---- A quote's history ------------------------------------------------------------------

// h: the open quote's recorded changes, in the side panel (the server says what the user
// may read of them).
function showQuoteHistory(id) {
  const panel = $("#quote-history");
  const url = panel?.dataset.url?.replace(/\/0\/history\/$/, `/${id}/history/`);
  if (!url) return;
  htmx.ajax("GET", url, { target: "#quote-history", swap: "outerHTML" }).then(() => {
    const shown = $("#quote-history");
    shown.dataset.url = url.replace(/\/\d+\/history\/$/, "/0/history/");
    shown.scrollIntoView({ block: "nearest" });
    shown.focus();
  });
}

// ---- Flags -------------------------------------------------------------------------------

// f: flag the quote in hand (the open form's), or else the whole article; the note takes
// the focus, and Enter in it is a new line (the form's button sends it).
function openFlagForm() {
  const flag = $("#flag-form");
  const quote = state.quote;
  flag.elements.quote.value = quote?.id || "";
  const about = $("#flag-about", flag);
  about.textContent = quote?.id
    ? gettext("About the open quote (Esc, then f, flags the whole article instead).")
    : about.dataset.articleText;
  flag.scrollIntoView({ block: "nearest" });
  flag.elements.note.focus();
}

// ---- Speaker type-ahead ------------------------------------------------------------------

const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

function matches(query) {
  const q = fold(query.trim());
  if (!q) return [];
  const scored = [];
  for (const speaker of catalog()) {
    const names = [speaker.name, ...speaker.aliases];
    const hit = names.find((n) => fold(n).startsWith(q)) ||
      names.find((n) => fold(n).split(/\s+/).some((w) => w.startsWith(q))) ||
      names.find((n) => fold(n).includes(q));
    if (hit) scored.push({ speaker, via: hit === speaker.name ? "" : hit,
      rank: fold(hit).startsWith(q) ? 0 : 1 });
  }
  scored.sort((a, b) => a.rank - b.rank || a.speaker.name.localeCompare(b.speaker.name));
  return scored.slice(0, 8);
}

function hideOptions() {
  const list = $("#speaker-options");
  if (list) list.hidden = true;
  $("#speaker-name")?.setAttribute("aria-expanded", "false");
}

function renderOptions(input) {
  const list = $("#speaker-options");
  const query = input.value.trim();
  const found = matches(query);
  const exact = found.some(({ speaker }) => fold(speaker.name) === fold(query) ||
    speaker.aliases.some((a) => fold(a) === fold(query)));
  const items = found.map(({ speaker, via }) => {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.dataset.speaker = speaker.id;
    li.dataset.name = speaker.name;
    li.textContent = speaker.name + (via ? ` (as “${via}”)` : "") +
      (speaker.description ? ` — ${speaker.description}` : "");
    return li;
  });
  if (query && !exact) {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.dataset.create = query;
    li.className = "create";
    li.textContent = gettext("Create new speaker “%(name)s”", { name: query });
    items.push(li);
  }
  items[0]?.classList.add("active");
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  input.setAttribute("aria-expanded", String(!list.hidden));
}

function chooseTyped(input) {
  // Enter in the speaker field: the active option; with nothing typed, no speaker.
  const list = $("#speaker-options");
  const active = list.querySelector("li.active");
  if (!list.hidden && active) pickOption(active);
  else if (!input.value.trim()) {
    form().elements.speaker.value = "";
    input.blur();
    articleEl().focus({ preventScroll: true });
  }
}

function pickOption(li) {
  const f = form();
  if (li.dataset.create) {
    f.elements.speaker.value = "";
    f.elements.speaker_name.value = li.dataset.create;
    f.elements.speaker_description.hidden = false;
  } else {
    f.elements.speaker.value = li.dataset.speaker;
    f.elements.speaker_name.value = li.dataset.name;
    f.elements.speaker_description.hidden = true;
    f.elements.speaker_description.value = "";
  }
  hideOptions();
  f.elements.speaker_name.blur();
  articleEl().focus({ preventScroll: true });
}

document.addEventListener("input", (event) => {
  if (event.target.id !== "speaker-name") return;
  form().elements.speaker.value = ""; // typed text no longer names the chosen speaker
  renderOptions(event.target);
  if (!catalogReady) catalogLoading.then(() => renderOptions(event.target));
});

document.addEventListener("keydown", (event) => {
  const input = event.target;
  if (input.id === "speaker-name") {
    const list = $("#speaker-options");
    const items = [...list.querySelectorAll("li")];
    const active = items.findIndex((li) => li.classList.contains("active"));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const next = (active + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle("active", i === next));
      event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (catalogReady) {
        chooseTyped(input);
      } else {
        // Typed before the catalog arrived: leave the field now (the next keys are the
        // form's), and choose among the names once they are here.
        input.blur();
        articleEl().focus({ preventScroll: true });
        catalogLoading.then(() => {
          renderOptions(input);
          chooseTyped(input);
        });
      }
    } else if (event.key === "Escape") {
      hideOptions();
      input.blur();
      articleEl().focus({ preventScroll: true });
      event.preventDefault();
    }
  } else if (input.name === "speaker_description" && (event.key === "Enter" ||
             event.key === "Escape")) {
    event.preventDefault();
    input.blur();
    articleEl().focus({ preventScroll: true });
  }
});

document.addEventListener("mousedown", (event) => {
  const li = event.target.closest("#speaker-options li");
  if (li) {
    event.preventDefault(); // keep focus in the input until the pick
    pickOption(li);
  }
});
