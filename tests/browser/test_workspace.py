"""The annotator's day in a real browser: Chromium driven by Playwright."""

import pytest
from playwright.sync_api import expect

from articles.models import Assignment, Quote, Speaker
from tests.browser.actions import drag_select, log_in, saved, settled
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory, UserFactory
from tests.scenes import KYST_SELECTION, KYST_TEXT, kyst_scene

TEXT, SELECTION = KYST_TEXT, KYST_SELECTION


@pytest.fixture
def world(transactional_db):
    return kyst_scene()


def test_make_a_quote_with_the_mouse_then_edit_delete_and_undo(page, world, artifacts):
    log_in(page)
    page.click("text=Kyst")
    expect(page.locator("table.queue")).to_be_visible()
    page.keyboard.press("n")
    page.wait_for_url("**/articles/*/")  # loaded: the workspace's script has set up
    expect(page.locator("#article-text")).to_be_visible()

    drag_select(page, SELECTION)
    expect(page.locator("[data-field='text-preview']")).to_have_text(SELECTION)
    page.keyboard.press("m")
    page.keyboard.press("s")
    page.keyboard.type("Zoé Häkkinen")
    page.keyboard.press("Enter")  # "Create new speaker" is the only option
    page.fill("input[name=speaker_description]", "Ordfører")
    page.locator("input[name=speaker_description]").press("Enter")
    drag_select(page, "sier")
    page.keyboard.press("c")
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    page.keyboard.press("2")  # Kommunen: against
    page.keyboard.press("1")  # Planen: favor
    # The new speaker goes into the type-ahead at once: the catalog is read again.
    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        saved(page, lambda: page.keyboard.press("Enter"))

    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        page.reload()
    catalog_reads = []  # from here on, no write names a new speaker
    page.on("request", lambda r: r.url.endswith("/speakers/") and catalog_reads.append(r.url))
    quote = Quote.objects.get()
    assert quote.text == SELECTION
    assert TEXT[quote.start : quote.end] == SELECTION
    assert (quote.start, quote.end) == (TEXT.index(SELECTION), TEXT.index(SELECTION) + 34)
    # 34 code points; JavaScript's UTF-16 counts 35 (the emoji is a surrogate pair).
    assert len(SELECTION.encode("utf-16-le")) // 2 == 35
    assert quote.kind == "mixed"
    assert (quote.speaker.name, quote.speaker.description) == ("Zoé Häkkinen", "Ordfører")
    assert quote.cue_text == "sier"
    assert TEXT[quote.cue_start : quote.cue_end] == "sier"
    assert sorted(quote.stances.values_list("target__name", "label")) == [
        ("Kommunen", "against"),
        ("Planen", "favor"),
    ]
    expect(page.locator(".quote-item")).to_have_count(1)
    page.screenshot(path=artifacts / "workspace.png")

    # Edit the speaker: a click on the highlight opens the quote.
    page.locator("#article-text .q").first.click()
    page.keyboard.press("s")
    page.keyboard.type("berg")
    page.keyboard.press("Enter")
    saved(page, lambda: page.keyboard.press("Enter"))
    quote.refresh_from_db()
    assert quote.speaker == world["berg"]
    assert quote.version == 2

    # Delete, then undo.
    page.locator(".quote-item").first.click()
    saved(page, lambda: page.keyboard.press("Delete"))
    assert not Quote.objects.exists()
    expect(page.locator("form[data-undo]")).to_be_visible()
    saved(page, lambda: page.keyboard.press("u"))
    restored = Quote.objects.get()
    assert (restored.start, restored.end, restored.speaker) == (
        quote.start,
        quote.end,
        world["berg"],
    )
    assert restored.stances.count() == 2
    assert catalog_reads == []
    assert page.console_errors == []


def select_planen_er_god(page):
    """Select 'planen er god.' in the kyst article with the keyboard alone."""
    page.locator("#article-text").focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # to "Rådgiver Ola Berg …"
    for _ in range(6):
        page.keyboard.press("Control+ArrowRight")  # past "Rådgiver Ola Berg er uenig og"
    page.keyboard.press("Control+ArrowRight")  # past "sier"
    page.keyboard.press("Control+ArrowRight")  # past "at"
    page.keyboard.press("ArrowRight")  # over the space
    for _ in range(4):
        page.keyboard.press("Shift+Control+ArrowRight")  # "planen er god"
    page.keyboard.press("Shift+ArrowRight")  # and the full stop
    expect(page.locator("[data-field='text-preview']")).to_have_text("planen er god.")


def test_one_whole_quote_with_the_keyboard_only(page, world):
    log_in(page)
    page.goto(f"/articles/{world['article'].pk}/")
    select_planen_er_god(page)
    page.keyboard.press("i")
    page.keyboard.press("s")
    page.keyboard.type("berg")
    page.keyboard.press("Enter")
    page.keyboard.press("0")  # Kommunen: none
    page.keyboard.press("1")  # Planen: favor
    saved(page, lambda: page.keyboard.press("Enter"))
    quote = Quote.objects.get()
    assert quote.text == "planen er god."
    assert TEXT[quote.start : quote.end] == quote.text
    assert (quote.kind, quote.speaker) == ("indirect", world["berg"])
    assert list(quote.stances.values_list("target__name", "label")) == [("Planen", "favor")]


def test_a_speaker_typed_before_the_catalog_arrives_is_chosen_from_it(page, world):
    """The catalog is fetched after the page loads: a name typed and saved before it
    arrives is chosen from it once it does, not made a new speaker ('berg' beside Ola
    Berg, a duplicate in everyone's type-ahead)."""
    held = []
    page.route("**/speakers/", lambda route: held.append(route))
    log_in(page)
    page.goto(f"/articles/{world['article'].pk}/")
    for _ in range(500):  # the page asks for the catalog once its script has set up
        if held:
            break
        page.wait_for_timeout(20)
    select_planen_er_god(page)
    page.keyboard.press("i")
    page.keyboard.press("s")
    page.keyboard.type("berg")
    page.keyboard.press("Enter")
    page.keyboard.press("1")  # Kommunen: favor
    page.keyboard.press("Enter")  # save, while the catalog is still on its way
    assert not Quote.objects.exists()
    assert len(held) == 1
    saved(page, held[0].continue_)
    quote = Quote.objects.get()
    assert quote.speaker == world["berg"]
    assert not Speaker.objects.filter(name__iexact="berg").exists()


def test_accept_and_reject_suggestions(page, world):
    first = TEXT.index("Hun mener")
    QuoteFactory(
        article=world["article"],
        annotator=world["annotator"],
        start=first,
        end=first + 40,
        origin="suggested",
        kind="indirect",
    )
    second = TEXT.index("planen er god")
    QuoteFactory(
        article=world["article"],
        annotator=world["annotator"],
        start=second,
        end=second + 13,
        origin="suggested",
        speaker=world["berg"],
    )
    log_in(page)
    page.goto(f"/articles/{world['article'].pk}/")
    expect(page.locator("#article-text .q.suggested")).to_have_count(2)
    page.locator("#article-text").focus()
    page.keyboard.press("j")
    expect(page.locator(".form-title")).to_have_text("Suggested quote")
    saved(page, lambda: page.keyboard.press("a"))
    expect(page.locator("#article-text .q.suggested")).to_have_count(1)
    page.keyboard.press("j")
    expect(page.locator("[data-field='text-preview']")).to_have_text("planen er god")
    saved(page, lambda: page.keyboard.press("x"))
    expect(page.locator("#article-text .q.suggested")).to_have_count(0)
    assert list(Quote.objects.values_list("start", "origin")) == [(first, "accepted")]


def test_a_stale_edit_in_a_second_tab_gets_the_conflict_message(page, world):
    start = TEXT.index("planen er god")
    quote = QuoteFactory(
        article=world["article"], annotator=world["annotator"], start=start, end=start + 13
    )
    log_in(page)
    url = f"/articles/{world['article'].pk}/"
    page.goto(url)
    second_tab = page.context.new_page()
    second_tab.goto(url)

    page.locator(".quote-item").first.click()
    page.keyboard.press("m")
    saved(page, lambda: page.keyboard.press("Enter"))

    second_tab.locator(".quote-item").first.click()
    second_tab.keyboard.press("i")
    saved(second_tab, lambda: second_tab.keyboard.press("Enter"))
    expect(second_tab.locator("#panel-message")).to_contain_text(
        "changed elsewhere (now version 2)"
    )
    # The form shows the current state, not the stale one.
    expect(second_tab.locator("input[name=kind]:checked")).to_have_value("mixed")
    quote.refresh_from_db()
    assert (quote.kind, quote.version) == ("mixed", 2)


def test_annotator2_gets_a_404_on_annotator1s_article(page, world):
    UserFactory(username="annotator2", role="annotator")
    log_in(page, "annotator2")
    response = page.goto(f"/articles/{world['article'].pk}/")
    assert response.status == 404


def test_finishing_moves_to_the_next_article(page, world):
    nxt = ArticleFactory(project=world["project"], title="Next one")
    Assignment.objects.create(article=nxt, annotator=world["annotator"])
    log_in(page)
    page.goto(f"/articles/{world['article'].pk}/")
    page.locator("#article-text").focus()
    page.keyboard.press("Control+Enter")
    expect(page.locator("#article-title")).to_have_text("Next one")
    assert page.url.endswith(f"/articles/{nxt.pk}/")
    assert Assignment.objects.get(article=world["article"]).status == "done"
    page.go_back()
    expect(page.locator("#article-title")).to_have_text("Planen")
    page.click("text=Reopen")
    expect(page.locator("#mark-done")).to_be_visible()
    assert Assignment.objects.get(article=world["article"]).status == "in_progress"


def test_hostile_article_text_renders_as_text_and_runs_nothing(page, world):
    hostile = (
        '<script>window.pwned = "script"</script>\n\n'
        '<img src="x" onerror="window.pwned = \'img\'">\n\n'
        '<b hx-get="/admin/" hx-trigger="load" hx-on:htmx:load="window.pwned = 1">bold</b>'
    )
    article = ArticleFactory(
        project=world["project"], text=hostile, title='<img src=y onerror="window.pwned = 2">'
    )
    Assignment.objects.create(article=article, annotator=world["annotator"])
    SpeakerFactory(project=world["project"], name='<svg onload="window.pwned = 3">')
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page)
    # goto waits for the load event: by then an image in the markup would have failed and
    # htmx would have processed the page (and fired any hx-trigger="load"). The workspace
    # script then reads the speaker catalog, the hostile name included.
    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        page.goto(f"/articles/{article.pk}/")
    settled(page)
    # The person sees the markup as words.
    expect(page.locator("#article-text")).to_contain_text('<script>window.pwned = "script"')
    expect(page.locator("#article-text")).to_contain_text('hx-trigger="load"')
    expect(page.locator("#article-title")).to_have_text('<img src=y onerror="window.pwned = 2">')
    expect(page.locator("#article-text :is(img, b, script)")).to_have_count(0)
    assert page.evaluate("window.pwned") is None
    assert not [url for url in requested if url.endswith("/admin/") or url.endswith("/x")]
    assert page.console_errors == []
    assert Speaker.objects.filter(name__startswith="<svg").exists()


def test_done_waits_for_every_suggestion_and_then_the_set_is_read_only(page, world):
    for fragment in ("planen er god", "Vi"):
        start = TEXT.index(fragment)
        QuoteFactory(
            article=world["article"], annotator=world["annotator"], start=start,
            end=start + len(fragment), origin="suggested",
        )  # fmt: skip
    log_in(page)
    url = f"/articles/{world['article'].pk}/"
    page.goto(url)
    page.locator("#article-text").focus()
    page.keyboard.press("Control+Enter")
    expect(page.locator("#panel-message")).to_contain_text("2 suggestions still wait")
    settled(page)  # htmx took the panel's forms
    assert Assignment.objects.get(article=world["article"]).status != "done"

    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.keyboard.press("Shift+X")
    expect(page.locator("#ws-feedback")).to_have_text("2 suggestions rejected.")
    assert questions == ["Reject all 2 waiting suggestions?"]
    assert not Quote.objects.exists()
    expect(page.locator("#waiting-suggestions")).to_have_count(0)
    settled(page)

    page.locator("#article-text").focus()
    page.keyboard.press("Control+Enter")
    # No next article: the queue.
    expect(page.get_by_text("Nothing left to do here.")).to_be_visible()
    assert Assignment.objects.get(article=world["article"]).status == "done"
    page.goto(url)
    expect(page.locator("#read-only-reason")).to_be_visible()
    expect(page.locator("#quote-form")).to_have_count(0)
    page.click("text=Reopen")
    expect(page.locator("#mark-done")).to_be_visible()
    expect(page.locator("#quote-form")).to_have_count(1)
