"""Team annotation in a real browser: two annotators disagree, the dashboard shows it, a
reviewer adjudicates from the keyboard, and the gold export holds the reviewer's choices."""

import pytest
from playwright.sync_api import expect

from articles.models import Adjudication, Assignment, Quote
from tests.browser.actions import drag_select, log_in, saved, settled
from tests.exports import records as exported_records
from tests.scenes import team_scene

TEXT = (
    "Harbour director Sunniva Lie wants a new ferry terminal by 2028.\n\n"
    "– The old quay cannot take the new ships, says Lie.\n\n"
    "– We need a decision this spring.\n\n"
    "Council member Per Dahl believes that the terminal is far too expensive.\n"
)
QUAY = "The old quay cannot take the new ships"
SPRING = "We need a decision this spring."
EXPENSIVE = "the terminal is far too expensive"
MISSED = "wants a new ferry terminal by 2028"  # nobody marked it


@pytest.fixture
def team(transactional_db):
    return team_scene(
        text=TEXT,
        title="Ferry terminal",
        slug="harbour",
        name="Harbour",
        annotators_per_article=2,
        annotators=("annotator1", "annotator2"),
        reviewers=("reviewer",),
        status="todo",
        targets=("Ferry terminal",),
        speakers=("Sunniva Lie", "Per Dahl"),
    )


def annotate(page, username, quotes):
    """Log in, open the article from the queue, mark ``quotes`` with the keyboard after
    each drag, and finish the article."""
    log_in(page, username)
    page.click("text=Harbour")
    expect(page.locator("table.queue")).to_be_visible()
    page.keyboard.press("n")
    page.wait_for_url("**/articles/*/")  # loaded: the workspace's script has set up
    expect(page.locator("#article-text")).to_be_visible()
    for fragment, kind, speaker, stance in quotes:
        drag_select(page, fragment)
        page.keyboard.press(kind)
        page.keyboard.press("s")
        page.keyboard.type(speaker)
        page.keyboard.press("Enter")
        if stance:
            page.keyboard.press(stance)
        saved(page, lambda: page.keyboard.press("Enter"))
    page.keyboard.press("Control+Enter")
    page.wait_for_url("**/projects/harbour/")
    page.context.clear_cookies()


def test_two_annotators_disagree_and_a_reviewer_adjudicates_from_the_keyboard(
    page, team, artifacts
):
    annotate(
        page,
        "annotator1",
        [(QUAY, "d", "Sunniva", "1"), (SPRING, "d", "Sunniva", None)],
    )
    annotate(
        page,
        "annotator2",
        [(QUAY, "d", "Per Dahl", "1"), (EXPENSIVE, "d", "Per Dahl", "2")],
    )
    assert Quote.objects.annotations().count() == 4
    assert set(Assignment.objects.values_list("status", flat=True)) == {"done"}

    # The dashboard: one matched quote of two each, so span F1 0.50; the article is
    # the most disputed and links to adjudication.
    log_in(page, "reviewer")
    page.goto("/projects/harbour/dashboard/")
    expect(page.locator("#span-f1")).to_have_text("0.50")
    expect(page.locator("#annotators tr[data-annotator=annotator1] .agreement")).to_have_text(
        "0.50"
    )
    page.click("#disputed >> text=Adjudicate")
    groups = page.locator("#board .group")
    expect(groups).to_have_count(3)
    # The board's script has set up: it shows the first undecided group focused.
    expect(page.locator("#board .group.focused")).to_have_attribute("data-group", "1")
    expect(groups.nth(0).locator(".group-head")).to_contain_text("speaker")

    # Keyboard only: take annotator1's speaker for the quay quote, drop the spring quote,
    # take annotator2's indirect quote and correct its kind, then finish.
    def board_write(key):
        with page.expect_response(lambda r: "/adjudicate/" in r.url):
            page.keyboard.press(key)
        settled(page)

    board_write("1")
    expect(groups.nth(0)).to_contain_text("Gold: annotator1's version")
    # On to the next group.
    expect(page.locator("#board .group.focused")).to_have_attribute("data-group", "2")
    board_write("x")
    expect(groups.nth(1)).to_contain_text("Dropped")
    board_write("2")
    page.keyboard.press("e")
    expect(page.locator("#board .gold-form:not([hidden]) input[name=speaker_name]")).to_be_focused()
    page.keyboard.press("Tab")  # to the kind
    page.keyboard.press("i")  # Indirect
    board_write("Enter")
    expect(groups.nth(2).locator(".gold-version")).to_contain_text("Indirect")
    # A quote both annotators missed: select it, g, speaker, kind, Enter.
    drag_select(page, MISSED)
    page.keyboard.press("g")
    page.keyboard.type("Sunniva Lie")
    page.keyboard.press("Tab")
    page.keyboard.press("i")
    board_write("Enter")
    expect(page.locator("#board .extra-gold")).to_contain_text(MISSED)
    page.screenshot(path=artifacts / "adjudication.png", full_page=True)
    with page.expect_response(lambda r: "/adjudicate/finish/" in r.url):
        page.keyboard.press("Control+Enter")
    page.wait_for_url("**/projects/harbour/dashboard/")
    expect(page.locator("#adjudicated-count")).to_have_text("1")

    adjudication = Adjudication.objects.get()
    assert (adjudication.status, adjudication.reviewer.username) == ("done", "reviewer")
    response = page.request.get(
        "/api/v1/projects/harbour/export/?annotations=gold&include_unannotated=false"
    )
    assert response.status == 200
    (record,) = exported_records(response.text())
    assert [
        (q["text"], q["speaker"]["name"], q["kind"], q["stances"], q["annotator"])
        for q in record["quotes"]
    ] == [
        (MISSED, "Sunniva Lie", "indirect", [], "reviewer"),
        (
            QUAY,
            "Sunniva Lie",
            "direct",
            [{"target": "Ferry terminal", "label": "favor"}],
            "reviewer",
        ),
        (
            EXPENSIVE,
            "Per Dahl",
            "indirect",
            [{"target": "Ferry terminal", "label": "against"}],
            "reviewer",
        ),
    ]
    assert all(TEXT[q["start"] : q["end"]] == q["text"] for q in record["quotes"])
    assert page.console_errors == []
