"""The stance chart: months in order, undated last, every label escaped."""

from datetime import date

from articles.analysis.charts import stance_months


def test_months_in_order_with_undated_last_and_labels_escaped():
    svg = stance_months(
        {
            date(2026, 3, 1): {"favor": 2},
            None: {"against": 1},
            date(2026, 1, 1): {"<b>favor</b>": 1, "favor": 1},
        },
        labels=["favor", "against", "<b>favor</b>"],
        title="Planen & co",
    )
    assert svg.index(">2026-01<") < svg.index(">2026-03<") < svg.index(">undated<")
    assert "<b>" not in svg
    assert "&lt;b&gt;favor&lt;/b&gt;" in svg
    assert 'aria-label="Planen &amp; co"' in svg
    assert svg.count("<rect") == 4 + 3  # four bars, three legend keys
