// Whether a key press is text going into a field: then the page's single-key shortcuts
// stand aside. Pages differ on radio buttons and editable content, so callers say.

/**
 * Is `event` aimed at an input, textarea or select? `radios`: radio buttons count;
 * `editable`: contentEditable elements count too.
 */
export function typingIn(event, { radios = true, editable = false } = {}) {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (editable && target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) &&
    (radios || target.type !== "radio");
}
