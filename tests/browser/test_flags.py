"""Flags in a real browser: an annotator flags an open quote and then the whole article
from the keyboard (an empty note refused in the panel); the reviewer finds them on the
dashboard, answers one on the board and resolves it; the annotator reads the answer."""

import pytest
from playwright.sync_api import expect

from articles.discussion.models import Flag
from tests.browser.actions import log_in, settled
from tests.scenes import quote, team_scene

TEXT = (
    "The harbour board met on Monday.\n\n"
    "– The quay is crumbling and someone has to pay, says harbour master Siri Vold.\n\n"
    "Fisherman Odd Berg believes that the tolls will drive boats away."
)


@pytest.fixture
def scene(transactional_db):
    made = team_scene(
        text=TEXT,
        slug="harbour",
        name="Harbour",
        annotators=("annotator1",),
        reviewers=("reviewer",),
        status="in_progress",
        blind=True,
    )
    made.the_article = made.project.articles.get()
    made.quay = quote(made.the_article, made.annotators[0], "The quay is crumbling")
    return made


def send_flag(page):
    with page.expect_response(lambda r: "/flags/" in r.url):
        page.locator("#flag-form button[type=submit]").click()
    settled(page)


def test_an_annotator_flags_and_a_reviewer_answers(page, scene):
    log_in(page, "annotator1")
    page.goto(f"/articles/{scene.the_article.pk}/")
    page.locator("#article-text .q").first.click()
    expect(page.locator("#quote-form")).to_be_visible()
    page.keyboard.press("h")  # the quote's history first
    expect(page.locator("#quote-history")).to_contain_text(f"History of quote #{scene.quay.pk}")
    page.locator("#article-text").focus()
    page.locator("#article-text .q").first.click()
    page.keyboard.press("f")
    expect(page.locator("#flag-form textarea[name=note]")).to_be_focused()
    expect(page.locator("#flag-about")).to_contain_text("About the open quote")
    send_flag(page)  # no note yet
    expect(page.locator("#flag-error")).to_have_text("Write a short note: what is unclear?")
    page.locator("#article-text .q").first.click()
    page.keyboard.press("f")
    page.keyboard.type("Is the cue 'says' or the dash?")
    page.locator("#flag-form select[name=reason]").select_option("guidelines")
    send_flag(page)
    expect(page.get_by_test_id("flag")).to_have_count(1)
    expect(page.get_by_test_id("flag").first).to_contain_text("Is the cue 'says' or the dash?")

    page.locator("#article-text").focus()
    page.keyboard.press("Escape")  # the quote form closes: f is about the article now
    expect(page.locator("#quote-form")).to_be_hidden()
    page.keyboard.press("f")
    expect(page.locator("#flag-about")).to_contain_text("About the whole article")
    page.keyboard.type("The last paragraph seems cut.")
    page.locator("#flag-form select[name=reason]").select_option("text")
    send_flag(page)
    expect(page.get_by_test_id("flag")).to_have_count(2)
    on_quote, on_article = Flag.objects.order_by("id")
    assert (on_quote.quote_id, on_quote.reason) == (scene.quay.pk, "guidelines")
    assert (on_article.quote_id, on_article.reason) == (None, "text")
    page.context.clear_cookies()

    log_in(page, "reviewer")
    page.goto("/projects/harbour/dashboard/")
    expect(page.locator("#flags-title")).to_have_text("2 open flags")
    page.locator(f"#open-flags tr[data-flag='{on_quote.pk}'] a").click()
    flag = page.locator(f"#flag-panel [data-flag='{on_quote.pk}']")
    flag.locator("textarea[name=note]").fill("The dash: the cue is 'says'.")
    with page.expect_response(lambda r: "/answer/" in r.url):
        flag.get_by_role("button", name="Send").click()
    settled(page)
    flag = page.locator(f"#flag-panel [data-flag='{on_quote.pk}']")
    expect(flag.get_by_test_id("flag-reply")).to_contain_text("The dash: the cue is 'says'.")
    with page.expect_response(lambda r: "/resolve/" in r.url):
        flag.get_by_role("button", name="Resolve").click()
    settled(page)
    expect(page.locator(f"#flag-panel [data-flag='{on_quote.pk}']")).to_contain_text(
        "resolved by reviewer"
    )
    page.context.clear_cookies()

    log_in(page, "annotator1")
    page.goto(f"/articles/{scene.the_article.pk}/")
    expect(page.get_by_test_id("flag-reply")).to_contain_text("The dash: the cue is 'says'.")
    assert [e for e in page.console_errors if "status of 400" not in e] == []
