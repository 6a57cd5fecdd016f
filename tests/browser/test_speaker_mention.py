"""Where the text names the speaker, marked in the workspace (issue 19's speaker mention):
select the name while the form is open and press w; the cue the selection set goes back,
the mention is saved with the quote, and an edit that does not touch it keeps it."""

import pytest
from playwright.sync_api import expect

from articles.models import Quote
from tests.browser.actions import drag_select, log_in, saved, settled
from tests.scenes import KYST_TEXT, kyst_scene

QUOTE = "kommunen må vente til neste år"


@pytest.fixture
def world(transactional_db):
    return kyst_scene(targets=("Planen",))


def test_w_marks_the_selected_name_as_the_speakers_mention(page, world):
    log_in(page)
    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        page.goto(f"/articles/{world['article'].pk}/")
    settled(page)
    drag_select(page, QUOTE)
    drag_select(page, "mener")
    expect(page.locator("[data-field='cue-text']")).to_have_text("mener")
    drag_select(page, "Hun")  # a second selection is taken as the cue, at first
    expect(page.locator("[data-field='cue-text']")).to_have_text("Hun")
    page.keyboard.press("w")
    expect(page.locator("[data-field='mention-text']")).to_have_text("Hun")
    expect(page.locator("[data-field='cue-text']")).to_have_text("mener")  # as it was
    saved(page, lambda: page.keyboard.press("Enter"))
    quote = Quote.objects.get()
    assert (quote.text, quote.cue_text, quote.speaker_mention) == (QUOTE, "mener", "Hun")
    assert quote.speaker_start == KYST_TEXT.index("Hun")

    page.click(f"[data-quote-id='{quote.pk}']")  # open it again and change the kind only
    expect(page.locator("[data-field='mention-text']")).to_have_text("Hun")
    page.keyboard.press("i")
    saved(page, lambda: page.keyboard.press("Enter"))
    quote.refresh_from_db()
    assert (quote.kind, quote.speaker_mention) == ("indirect", "Hun")

    page.click(f"[data-quote-id='{quote.pk}']")
    page.click("[data-action='clear-mention']")
    saved(page, lambda: page.keyboard.press("Enter"))
    quote.refresh_from_db()
    assert quote.speaker_start is None
    assert page.console_errors == []
