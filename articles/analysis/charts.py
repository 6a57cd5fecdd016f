"""Stance over time as a small server-rendered SVG: no script, so it passes the CSP and
prints. Pure functions of plain data; every label is escaped."""

from html import escape

# Distinguishable in light and dark mode and for the common colour-vision deficiencies
# (Okabe-Ito); beyond them, grey.
LABEL_COLOURS = ["#0072b2", "#d55e00", "#999999", "#009e73", "#cc79a7", "#e69f00"]


def stance_months(
    months: dict, *, labels: list[str], title: str, width: int = 560, height: int = 120
) -> str:
    """Stacked columns, one per month (``months``: month -> {label: count}; the key
    None, undated articles, last), with a legend of ``labels`` beneath."""
    keys = sorted((m for m in months if m is not None), key=lambda m: m) + (
        [None] if None in months else []
    )
    top = max((sum(months[m].values()) for m in keys), default=0) or 1
    step = width / max(len(keys), 1)
    colour = {label: LABEL_COLOURS[i % len(LABEL_COLOURS)] for i, label in enumerate(labels)}
    parts = []
    for index, month in enumerate(keys):
        name = month.strftime("%Y-%m") if month is not None else "undated"
        y = float(height)
        for label in labels:
            n = months[month].get(label, 0)
            if not n:
                continue
            h = height * n / top
            y -= h
            parts.append(
                f'<rect x="{index * step + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" '
                f'height="{h:.1f}" fill="{colour[label]}"><title>{escape(name)}: '
                f"{escape(label)} {n}</title></rect>"
            )
        if len(keys) <= 12 or index % max(len(keys) // 6, 1) == 0:
            parts.append(
                f'<text x="{index * step + step / 2:.1f}" y="{height + 14}" '
                f'text-anchor="middle">{escape(name)}</text>'
            )
    legend = "".join(
        f'<g transform="translate({i * 110},{height + 24})"><rect width="10" height="10" '
        f'fill="{colour[label]}"/><text x="14" y="9">{escape(label)}</text></g>'
        for i, label in enumerate(labels)
    )
    total = height + 40
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width} {total}" width="{width}" '
        f'height="{total}" aria-label="{escape(title)}">{"".join(parts)}{legend}</svg>'
    )
