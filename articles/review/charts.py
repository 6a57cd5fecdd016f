"""Small server-rendered SVG charts for the dashboard: no chart library, no script, so
they pass the CSP and print. Pure functions of plain data; every label is escaped."""

from html import escape

STATUS_COLOURS = [
    ("unassigned", "Unassigned", "#c9ced6"),
    ("todo", "To do", "#9fb7d9"),
    ("in_progress", "In progress", "#e2b44f"),
    ("done", "Done", "#5f9e6e"),
    ("adjudicated", "Adjudicated", "#2f5d8c"),
]


def status_bar(counts: dict[str, int], *, width: int = 640) -> str:
    """One stacked bar of the project's articles by state, with a legend beneath."""
    total = sum(counts.get(key, 0) for key, _, _ in STATUS_COLOURS[:4]) or 1
    parts, legend, x = [], [], 0.0
    for index, (key, label, colour) in enumerate(STATUS_COLOURS):
        n = counts.get(key, 0)
        if key != "adjudicated":
            w = width * n / total
            if w:
                parts.append(
                    f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="22" fill="{colour}">'
                    f"<title>{escape(label)}: {n}</title></rect>"
                )
            x += w
        legend.append(
            f'<g transform="translate({index * 128},34)"><rect width="10" height="10" '
            f'fill="{colour}"/><text x="14" y="9">{escape(label)} {n}</text></g>'
        )
    # Adjudicated articles are done ones: drawn as a band across the bottom of "done".
    adjudicated = counts.get("adjudicated", 0)
    if adjudicated:
        start = width * sum(counts.get(k, 0) for k in ("unassigned", "todo", "in_progress")) / total
        parts.append(
            f'<rect x="{start:.1f}" y="16" width="{width * adjudicated / total:.1f}" '
            f'height="6" fill="{STATUS_COLOURS[4][2]}"><title>Adjudicated: {adjudicated}'
            "</title></rect>"
        )
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width} 48" width="{width}" height="48" '
        f'aria-label="Articles by state">{"".join(parts)}{"".join(legend)}</svg>'
    )


def bar_chart(items: list[tuple[str, float]], *, title: str, width: int = 640) -> str:
    """Horizontal bars, one per (label, value), scaled to the largest value."""
    row, label_width = 22, 140
    top = max((value for _, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * row
        w = (width - label_width - 40) * value / top
        bars.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{w:.1f}" height="14" fill="#2f5d8c">'
            f"<title>{escape(label)}: {_number(value)}</title></rect>"
            f'<text x="{label_width + w + 4:.1f}" y="{y + 15}">{_number(value)}</text>'
        )
    height = max(len(items), 1) * row
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-label="{escape(title)}">{"".join(bars)}</svg>'
    )


def sparkline(values: list[int], *, width: int = 112, height: int = 22) -> str:
    """A row of thin columns, one per day, for a table cell."""
    top = max(values, default=0) or 1
    step = width / max(len(values), 1)
    columns = "".join(
        f'<rect x="{i * step:.1f}" y="{height - height * v / top:.1f}" width="{step - 1:.1f}" '
        f'height="{height * v / top:.1f}" fill="#2f5d8c"/>'
        for i, v in enumerate(values)
        if v
    )
    total = sum(values)
    return (
        f'<svg class="spark" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-label="{total} in {len(values)} days">'
        f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" stroke="#c9ced6"/>'
        f"{columns}</svg>"
    )


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, int) or value == int(value) else f"{value:.2f}"
