// The adjudication board, from the keyboard: j/k move between quote groups, 1-9 take an
// annotator's version, x drops, r undecides, e edits the gold quote (s/c take the span or
// cue from the text selection), A takes every unanimous group, Ctrl+Enter finishes, o
// reopens a finished board.
// Every write is an htmx form in the board; this module only clicks them and keeps the
// focus on the right group across swaps.

import { selectionOffsets, trimSpan } from "./offsets.js";
import { typingIn } from "./typing.js";

const $ = (selector, root = document) => root.querySelector(selector);
const PREVIEW_LENGTH = 90; // as the server's previews (articles.annotation.workspace)

// The words of a span as the form shows them, cut as the server cuts its previews.
function preview(text) {
  const points = Array.from(text);
  if (points.length <= PREVIEW_LENGTH) return `“${text}”`;
  return `“${points.slice(0, PREVIEW_LENGTH - 1).join("")}…”`;
}
const board = () => $("#adjudication");
const groups = () => [...document.querySelectorAll("#board .group")];

const state = {
  focus: 1, // the focused group's number
  advance: false, // after this write, move on to the next undecided group
  swapped: false, // the board was just replaced (and the keyboard focus with it)
  points: [],
};

// `move` puts the keyboard focus on the group too, so that a screen reader reads it and
// Tab goes on from there: after j/k, and after a write replaced the focused element.
function focusGroup(number, { scroll = true, move = false } = {}) {
  const all = groups();
  if (!all.length) return;
  const index = Math.max(0, Math.min(all.length - 1, number - 1));
  state.focus = index + 1;
  all.forEach((group, i) => group.classList.toggle("focused", i === index));
  document.querySelectorAll("#article-text .q").forEach((span) => {
    span.classList.toggle("focused", span.dataset.q?.split(" ").includes(String(state.focus)));
  });
  if (move) all[index].focus({ preventScroll: true });
  if (scroll) {
    all[index].scrollIntoView({ block: "nearest" });
    document.querySelector(`#article-text .q[data-q~="${state.focus}"]`)
      ?.scrollIntoView({ block: "nearest" });
  }
}

function focused() {
  return groups()[state.focus - 1] || null;
}

function nextUndecided(from) {
  const all = groups();
  for (let step = 1; step <= all.length; step++) {
    const group = all[(from - 1 + step) % all.length];
    if (group.dataset.decided !== "true") return Number(group.dataset.group);
  }
  return from;
}

function setup() {
  const root = board();
  if (!root) return;
  state.points = Array.from(JSON.parse(root.dataset.text || '""'));
  const justDecided = focused()?.dataset.decided === "true";
  if (state.advance && justDecided) state.focus = nextUndecided(state.focus);
  state.advance = false;
  const lost = state.swapped && (!document.activeElement || document.activeElement === document.body);
  state.swapped = false;
  focusGroup(state.focus, { move: lost });
  const open = $("#board .gold-form:not([hidden])");
  if (open) $("input[name=speaker_name]", open)?.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  state.focus = 1;
  if (board()) state.focus = nextUndecided(0);
  setup();
});
document.addEventListener("htmx:load", setup);
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.target?.id === "board") state.swapped = true;
});

function click(selector) {
  const group = focused();
  const button = group && $(selector, group);
  if (!button) return false;
  button.click();
  return true;
}

function openForm() {
  const form = $(".gold-form", focused() || document.createElement("div"));
  if (!form) return false;
  form.hidden = false;
  $("input[name=speaker_name]", form)?.focus();
  return true;
}

function openNew() {
  const form = $("#gold-new");
  if (!form) return false;
  form.hidden = false;
  fromSelection(form, "span"); // a selection made before pressing g becomes the span
  $("input[name=speaker_name]", form)?.focus();
  form.scrollIntoView({ block: "nearest" });
  return true;
}

function fromSelection(form, field) {
  const offsets = selectionOffsets($("#article-text"));
  if (!offsets) return false;
  const [start, end] = trimSpan(state.points, offsets[0], offsets[1]);
  if (end <= start) return false;
  const [from, to] = field === "span" ? ["start", "end"] : ["cue_start", "cue_end"];
  const words = state.points.slice(start, end).join("");
  form.elements[from].value = start;
  form.elements[to].value = end;
  if (field === "span") form.elements.text.value = words;
  $(`[data-field=${field}]`, form).textContent = preview(words);
  return true;
}

document.addEventListener("keydown", (event) => {
  if (!board() || !$("#shortcuts")?.hidden) return;
  const form = event.target.closest?.(".gold-form");
  if (event.key === "Escape" && form) {
    form.hidden = true;
    focused()?.focus();
    event.preventDefault();
    return;
  }
  if (event.key === "Enter" && form && event.target.tagName === "SELECT") {
    form.requestSubmit(); // Enter saves from any field, selects included
    event.preventDefault();
    return;
  }
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    $("#finish")?.click();
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event)) return;
  const editing = $("#board .gold-form:not([hidden])");
  if (editing && (event.key === "s" || event.key === "c")) {
    if (fromSelection(editing, event.key === "s" ? "span" : "cue")) event.preventDefault();
    return;
  }
  let handled = true;
  if (event.key === "j" || event.key === "ArrowDown") focusGroup(state.focus + 1, { move: true });
  else if (event.key === "k" || event.key === "ArrowUp") focusGroup(state.focus - 1, { move: true });
  else if (/^[1-9]$/.test(event.key)) {
    state.advance = true;
    handled = click(`[data-key="${event.key}"]`);
  } else if (event.key === "x") {
    state.advance = true;
    handled = click('[data-key="x"]');
  } else if (event.key === "r") handled = click('[data-key="r"]');
  else if (event.key === "e") handled = openForm();
  else if (event.key === "g") handled = openNew();
  else if (event.key === "A") {
    const button = $("#take-unanimous");
    button?.click();
    handled = Boolean(button);
  } else if (event.key === "o") {
    const button = $("#reopen");
    button?.click();
    handled = Boolean(button);
  }
  else handled = false;
  if (handled) event.preventDefault();
});

document.addEventListener("click", (event) => {
  if (!board()) return;
  const target = event.target;
  const action = target.closest?.("[data-action]")?.dataset.action;
  const form = target.closest?.(".gold-form");
  if (action === "edit-gold") {
    const group = target.closest(".group");
    const extra = target.closest(".extra-gold-quote");
    if (group) {
      focusGroup(Number(group.dataset.group), { scroll: false });
      openForm();
    } else if (extra) {
      $(".gold-form", extra).hidden = false;
    }
  } else if (action === "new-gold") {
    openNew();
  } else if (action === "cancel-edit" && form) {
    form.hidden = true;
  } else if (action === "span-from-selection" && form) {
    fromSelection(form, "span");
  } else if (action === "cue-from-selection" && form) {
    fromSelection(form, "cue");
  } else if (action === "cue-clear" && form) {
    form.elements.cue_start.value = "";
    form.elements.cue_end.value = "";
    $("[data-field=cue]", form).textContent = "none";
  } else {
    const highlight = target.closest?.("#article-text .q");
    const group = target.closest?.("#board .group");
    if (highlight && !window.getSelection()?.toString()) {
      focusGroup(Number(highlight.dataset.q.split(" ")[0]));
    } else if (group) {
      focusGroup(Number(group.dataset.group), { scroll: false });
    }
  }
});
