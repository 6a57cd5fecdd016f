// The interface's words in the user's language: Django's JavaScript catalog (/jsi18n/,
// loaded by base.html before the modules) defines gettext and interpolate; without it,
// the English source text stands.

/** ``text`` translated, with ``%(name)s`` filled from ``values``. */
export function gettext(text, values) {
  const translated = typeof globalThis.gettext === "function" ? globalThis.gettext(text) : text;
  if (!values) return translated;
  return translated.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? values[name] : whole));
}
