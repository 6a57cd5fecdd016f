// Offsets between the DOM (UTF-16 code units) and the stored text (Unicode code points).
//
// The server renders the article as <p data-s data-e> paragraphs of <span data-s data-e>
// segments, each holding exactly text[s:e] as one text node, with the offsets in code
// points. A DOM position is a text node plus a UTF-16 index into it, so converting means
// counting code points inside one segment and adding the segment's start.

/** Number of code points in the first `units` UTF-16 units of `str`. */
export function unitsToCodePoints(str, units) {
  let points = 0;
  for (let i = 0; i < units && i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < units) i++; // a surrogate pair is one point
    points++;
  }
  return points;
}

/** UTF-16 index of code point `points` in `str`. */
export function codePointsToUnits(str, points) {
  let i = 0;
  for (let n = 0; n < points && i < str.length; n++) {
    const c = str.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < str.length ? 2 : 1;
  }
  return i;
}

function segmentsIn(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  return node.matches("span[data-s]") ? [node] : [...node.querySelectorAll("span[data-s]")];
}

/** The code-point offset of a DOM boundary point inside `root`, or null outside it. */
export function pointToOffset(root, node, offset) {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement.closest("span[data-s]");
    if (segment) return Number(segment.dataset.s) + unitsToCodePoints(node.data, offset);
    node = node.parentElement;
    offset = 0;
  }
  // A boundary between children: the start of what follows, else the end of what precedes.
  for (const child of [...node.childNodes].slice(offset)) {
    const [first] = segmentsIn(child);
    if (first) return Number(first.dataset.s);
  }
  for (const child of [...node.childNodes].slice(0, offset).reverse()) {
    const all = segmentsIn(child);
    if (all.length) return Number(all[all.length - 1].dataset.e);
  }
  const own = node.closest("[data-s]");
  return own ? Number(own.dataset.e) : 0;
}

/** `[start, end]` in code points of the current selection inside `root`, or null. */
export function selectionOffsets(root) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset);
  const end = pointToOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return [Math.min(start, end), Math.max(start, end)];
}

/** Shrink `[start, end]` so that it neither starts nor ends with white space. */
export function trimSpan(points, start, end) {
  while (start < end && /\s/u.test(points[start])) start++;
  while (end > start && /\s/u.test(points[end - 1])) end--;
  return [start, end];
}

/** The DOM position `{node, offset}` of code point `offset` inside `root`. */
export function offsetToPoint(root, offset) {
  const segments = root.querySelectorAll("span[data-s]");
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    // The last segment starting at or before the offset.
    const mid = (lo + hi + 1) >> 1;
    if (Number(segments[mid].dataset.s) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  if (!segment) return { node: root, offset: 0 };
  const text = segment.firstChild;
  const start = Number(segment.dataset.s);
  const end = Number(segment.dataset.e);
  const within = Math.max(0, Math.min(offset, end) - start);
  return { node: text, offset: codePointsToUnits(text.data, within) };
}

/** Paragraph bounds `[start, end]` as rendered, in text order. */
export function paragraphBounds(root) {
  return [...root.querySelectorAll("p[data-s]")].map((p) => [
    Number(p.dataset.s),
    Number(p.dataset.e),
  ]);
}
