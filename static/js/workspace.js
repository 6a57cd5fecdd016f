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
import { typingIn } from "./typing.js";

const state = {
  articleId: null,
  points: [], // the article text as code points
  caret: 0,
  anchor: null, // keyboard selection anchor, or null
  span: null, // [start, end] of the quote in the form
  spanLocked: false, // once the form is being filled, new selections are for the cue
  quote: null, // the quote being edited (data from the server), or null for a new one
  pending: false, // a save is on its way
  addsSpeaker: false, // ... and names a speaker not in the catalog yet
};

const $ = (selector, root = document) => root.querySelector(selector);
const workspace = () => $("#workspace");
const articleEl = () => $("#article-text");
const form = () => $("#quote-form");
const quoteData = () => JSON.parse($("#quote-panel")?.dataset.quotes || "[]");
let speakers = []; // the project's catalog, fetched after the page loads
const catalog = () => speakers;

async function loadCatalog() {
  const url = workspace()?.dataset.catalogUrl;
  if (!url) return;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.ok) speakers = await response.json();
}
const editable = () => workspace()?.dataset.editable === "true";
const quoteUrl = (id, action = "") =>
  `${workspace().dataset.createUrl}${id}/${action ? `${action}/` : ""}`;

function textOf(start, end) {
  return state.points.slice(start, end).join("");
}

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
  const undo = $("form[data-undo]");
  if (undo) setTimeout(() => undo.remove(), 8000);
}

// htmx fires this on <body> once it has started, too: no DOMContentLoaded listener.
document.addEventListener("htmx:load", setup);

document.addEventListener("htmx:sendError", () => {
  state.pending = false;
  say("The server could not be reached; nothing was saved. Press Enter to try again.");
});
document.addEventListener("htmx:responseError", (event) => {
  state.pending = false;
  say(`The server failed (${event.detail.xhr.status}); nothing was saved. Try again.`);
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
  state.span = [Number(data.start), Number(data.end)];
  state.spanLocked = Boolean(data.id) || keepMessage;
  f.reset();
  f.hidden = false;
  f.elements.start.value = data.start;
  f.elements.end.value = data.end;
  f.elements.text.value = textOf(data.start, data.end);
  f.elements.version.value = data.version || "";
  f.elements.request_id.value = data.id ? "" : (data.request_id || crypto.randomUUID());
  f.elements.kind.value = data.kind || "direct";
  f.elements.speaker.value = data.speaker || "";
  f.elements.speaker_name.value = data.speaker_name || "";
  f.elements.speaker_description.value = data.speaker_description || "";
  f.elements.speaker_description.hidden = !(data.speaker_name && !data.speaker);
  setCue(data.cue_start ?? null, data.cue_end ?? null);
  for (const [target, label] of Object.entries(data.stances || {})) {
    const radio = f.querySelector(`input[name="stance-${target}"][value="${CSS.escape(label)}"]`);
    if (radio) radio.checked = true;
  }
  activateStanceRow(f.querySelector(".stance-row"));
  $("[data-field='text-preview']", f).textContent = textOf(data.start, data.end);
  const suggested = data.origin === "suggested";
  $(".form-title", f).textContent = data.id
    ? (suggested ? "Suggested quote" : "Edit quote") : "New quote";
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
  state.spanLocked = false;
  markSelected(null);
}

function setCue(start, end) {
  const f = form();
  f.elements.cue_start.value = start ?? "";
  f.elements.cue_end.value = end ?? "";
  $("[data-field='cue-text']", f).textContent = start === null ? "none" : textOf(start, end);
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
  // The source carries the CSRF header (hx-headers on #page) to the request.
  const options = { target: "#quote-panel", swap: "outerHTML", source: f };
  if (values) Object.assign(options, { source: $("#quote-panel"), values });
  htmx.ajax("POST", url, options);
}

function save() {
  const f = form();
  if (!f || f.hidden) return;
  state.spanLocked = true;
  submit(state.quote ? quoteUrl(state.quote.id) : workspace().dataset.createUrl);
}

function removeQuote() {
  if (!state.quote) return;
  submit(quoteUrl(state.quote.id, "delete"), { version: state.quote.version });
}

function accept() {
  if (state.quote?.origin !== "suggested") return;
  submit(quoteUrl(state.quote.id, "accept"), { version: state.quote.version });
}

function nextSuggestion() {
  const suggestions = quoteData().filter((q) => q.origin === "suggested"); // in text order
  if (!suggestions.length) {
    say("No suggestions left in this article.", false);
    return;
  }
  const position = state.quote ? suggestions.findIndex((q) => q.id === state.quote.id) : -1;
  const data = suggestions[(position + 1) % suggestions.length];
  openForm(data);
  scrollToOffset(data.start);
}

function scrollToOffset(offset) {
  const { node } = offsetToPoint(articleEl(), offset);
  const behavior = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  (node.parentElement || node).scrollIntoView?.({ block: "center", behavior });
}

// ---- Selections: mouse and keyboard ----------------------------------------------------

function takeSelection(start, end) {
  [start, end] = trimSpan(state.points, start, end);
  if (end <= start || !editable()) return;
  if (form().hidden || !state.spanLocked) {
    openForm({ start, end, kind: form().hidden ? "direct" : form().elements.kind.value,
      request_id: form().hidden ? null : form().elements.request_id.value });
  }
}

function currentSelection() {
  const range = selectionOffsets(articleEl());
  if (!range) return null;
  const [start, end] = trimSpan(state.points, range[0], range[1]);
  return end > start ? [start, end] : null;
}

document.addEventListener("mouseup", (event) => {
  const article = event.target.closest?.("#article-text");
  if (!article || !editable()) return;
  const range = selectionOffsets(article);
  if (range && range[1] > range[0]) {
    state.caret = range[1];
    state.anchor = range[0];
    takeSelection(range[0], range[1]);
    return;
  }
  // A plain click on a highlight selects its innermost quote.
  const segment = event.target.closest("[data-q]");
  if (segment) {
    const id = Number(segment.dataset.q.split(" ")[0]);
    const data = quoteData().find((q) => q.id === id);
    if (data) openForm(data);
  }
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
}

// ---- Keys ----------------------------------------------------------------------------

function onArticleKey(event) {
  const arrows = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];
  if (!arrows.includes(event.key) || !document.activeElement?.closest?.("#article-text")) {
    return false;
  }
  if (event.shiftKey && state.anchor === null) state.anchor = state.caret;
  if (!event.shiftKey) state.anchor = null;
  moveCaret(event.key, event.ctrlKey || event.altKey);
  showKeyboardSelection();
  if (event.shiftKey && state.anchor !== state.caret && (form().hidden || !state.spanLocked)) {
    takeSelection(Math.min(state.anchor, state.caret), Math.max(state.anchor, state.caret));
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
    state.spanLocked = true;
  } else if (key === "s" || key === "/") {
    state.spanLocked = true;
    f.elements.speaker_name.focus();
    f.elements.speaker_name.select();
  } else if (key === "c") {
    const cue = currentSelection();
    if (!cue || (state.span && cue[0] === state.span[0] && cue[1] === state.span[1])) {
      say("Select the cue words first (a second selection), then press c.", false);
    } else {
      state.spanLocked = true;
      setCue(cue[0], cue[1]);
      say("");
    }
  } else if (/^[0-9]$/.test(key)) {
    state.spanLocked = true;
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
  } else if (event.key === "Tab" && !event.shiftKey && editable() &&
             !event.target.closest?.("#quote-form")) {
    nextSuggestion();
    handled = true;
  } else if ((event.key === "A" || event.key === "X") && event.shiftKey && editable()) {
    // All waiting suggestions at once; htmx asks for confirmation with their number.
    const action = event.key === "A" ? "accept" : "reject";
    $(`[data-judge="${action}"]`)?.form.requestSubmit();
    handled = true;
  } else if (event.key === "u" && $("form[data-undo]")) {
    $("form[data-undo]").requestSubmit();
    handled = true;
  } else if (!event.ctrlKey || event.key.startsWith("Arrow")) {
    handled = onArticleKey(event) || (editable() && onFormKey(event));
  }
  if (handled) event.preventDefault();
});

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
    li.textContent = `Create new speaker “${query}”`;
    items.push(li);
  }
  items[0]?.classList.add("active");
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  input.setAttribute("aria-expanded", String(!list.hidden));
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
      if (!list.hidden && items[active]) pickOption(items[active]);
      else if (!input.value.trim()) {
        form().elements.speaker.value = "";
        input.blur();
        articleEl().focus({ preventScroll: true });
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
