"""Issue 15's rough edges in the browser, each as the annotator met it: the cue drag that
replaced the quote, the boosted tokens link, the status badge, the clipped list numbers,
the feedback after a write, Tab, the cursor, the copy button and the guidelines."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Assignment, Quote
from tests.browser.actions import drag_select, log_in, saved, settled
from tests.factories import QuoteFactory
from tests.scenes import KYST_SELECTION, KYST_TEXT, kyst_scene

TEXT, SELECTION = KYST_TEXT, KYST_SELECTION


@pytest.fixture
def world(transactional_db):
    return kyst_scene(targets=("Planen",))


def open_article(page, world):
    log_in(page)
    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        page.goto(f"/articles/{world['article'].pk}/")
    settled(page)


def quote_words(world, count):
    """The annotator's quotes on the first `count` words of the text."""
    for word in list(re.finditer(r"\S+", TEXT))[:count]:
        QuoteFactory(
            article=world["article"], annotator=world["annotator"], start=word.start(),
            end=word.end(),
        )  # fmt: skip


def suggest(world, fragment, **fields):
    start = TEXT.index(fragment)
    return QuoteFactory(
        article=world["article"],
        annotator=world["annotator"],
        start=start,
        end=start + len(fragment),
        origin="suggested",
        **fields,
    )


# 1. Selecting the cue replaced the quote


def test_a_second_drag_sets_the_cue_and_leaves_the_quote(page, world):
    open_article(page, world)
    drag_select(page, SELECTION)
    expect(page.locator("[data-field='text-preview']")).to_have_text(SELECTION)
    drag_select(page, "sier")  # no key pressed in between
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    expect(page.locator("[data-field='text-preview']")).to_have_text(SELECTION)
    page.keyboard.press("c")  # as the help says: select, then c
    expect(page.locator("#panel-message")).to_be_hidden()
    saved(page, lambda: page.keyboard.press("Enter"))
    quote = Quote.objects.get()
    assert (quote.text, quote.cue_text) == (SELECTION, "sier")
    assert page.console_errors == []


def test_q_or_its_button_makes_the_selection_the_quote_instead(page, world):
    open_article(page, world)
    drag_select(page, "Hun mener")  # too short
    drag_select(page, "sier")
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    drag_select(page, "kommunen må vente")  # taken as the cue, in place of "sier"
    expect(page.locator("[data-field='cue-text']")).to_have_text("kommunen må vente")
    expect(page.locator("#panel-message")).to_contain_text("press q")
    page.keyboard.press("q")
    expect(page.locator("[data-field='text-preview']")).to_have_text("kommunen må vente")
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")  # as it was

    whole = "Hun mener at kommunen må vente til neste år."
    drag_select(page, whole)
    expect(page.locator("[data-field='cue-text']")).to_have_text(whole)
    page.click("[data-action='quote-from-selection']")
    expect(page.locator("[data-field='text-preview']")).to_have_text(whole)
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    saved(page, lambda: page.keyboard.press("Enter"))
    quote = Quote.objects.get()
    assert (quote.text, quote.cue_text) == (whole, "sier")


# 2. A boosted link answered with a bare panel


def test_the_api_tokens_link_in_the_header_opens_the_whole_page(page, world):
    log_in(page)
    with page.expect_request(lambda r: r.headers.get("hx-boosted") == "true"):
        page.get_by_role("link", name="API tokens").click()
    expect(page.locator("h1")).to_have_text("API tokens")
    expect(page).to_have_title("API tokens · newsannot")
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert page.url.endswith("/account/tokens/")


# 4. The status badge


def test_the_status_badge_says_in_progress_after_the_first_save(page, world):
    open_article(page, world)
    badge = page.locator("#assignment-status")
    expect(badge).to_have_text("To do")
    drag_select(page, "planen er god")
    saved(page, lambda: page.keyboard.press("Enter"))
    expect(badge).to_have_text("In progress")
    expect(badge).to_have_class("status in_progress")
    assert Assignment.objects.get().status == "in_progress"


# 5. Quote list numbers


# Where the list marker of item `index` starts, and where the nearest ancestor that
# clips its content starts: a marker that starts left of it is cut.
MARKER_JS = """(index) => {
  const item = document.querySelectorAll(".quote-list > li")[index];
  const style = getComputedStyle(item);
  const probe = document.createElement("span");
  probe.textContent = `${index + 1}. `;
  probe.style.font = style.font;
  probe.style.whiteSpace = "pre";
  probe.style.position = "absolute";
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  const box = item.getBoundingClientRect();
  const inside = style.listStylePosition === "inside";
  const start = inside
    ? box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft)
    : box.left - width;
  let clip = item.parentElement;
  while (clip && getComputedStyle(clip).overflowX === "visible") clip = clip.parentElement;
  const edge = clip ? clip.getBoundingClientRect().left + clip.clientLeft : 0;
  return {start, edge, end: start + width, right: box.right};
}"""


def test_quote_list_numbers_from_ten_up_are_whole(page, world):
    quote_words(world, 23)
    open_article(page, world)
    expect(page.locator(".quote-list > li")).to_have_count(23)
    for index in (0, 9, 22):
        marker = page.evaluate(MARKER_JS, index)
        assert marker["start"] >= marker["edge"] - 0.5, (index + 1, marker)
        assert marker["end"] <= marker["right"] + 40, (index + 1, marker)


# 6. Feedback after each write


def test_every_write_says_what_it_did_in_a_polite_live_region(page, world):
    suggest(world, "Hun mener at kommunen")
    suggest(world, "planen er god", speaker=world["berg"])
    open_article(page, world)
    feedback = page.locator("#ws-feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback).to_have_attribute("role", "status")
    # A live region is read when its content changes: it must stay the same element.
    page.evaluate("document.getElementById('ws-feedback').dataset.kept = 'yes'")

    drag_select(page, SELECTION)
    saved(page, lambda: page.keyboard.press("Enter"))
    expect(feedback).to_have_text("Quote saved.")
    page.locator(".quote-item:not(.suggested)").click()
    page.keyboard.press("m")
    saved(page, lambda: page.keyboard.press("Enter"))
    expect(feedback).to_have_text("Changes saved.")
    page.locator(".quote-item:not(.suggested)").click()
    saved(page, lambda: page.keyboard.press("Delete"))
    expect(feedback).to_contain_text("Quote deleted.")
    saved(page, lambda: page.keyboard.press("u"))
    expect(feedback).to_have_text("Quote restored.")

    page.locator("#article-text").focus()
    page.keyboard.press("j")
    expect(page.locator(".form-title")).to_have_text("Suggested quote")
    saved(page, lambda: page.keyboard.press("a"))
    expect(feedback).to_have_text("Suggestion accepted.")
    page.keyboard.press("j")
    expect(page.locator("[data-field='text-preview']")).to_have_text("planen er god")
    saved(page, lambda: page.keyboard.press("x"))
    expect(feedback).to_contain_text("Suggestion rejected.")
    expect(feedback).not_to_contain_text("deleted")
    saved(page, lambda: page.keyboard.press("u"))
    expect(feedback).to_have_text("Suggestion restored.")
    expect(feedback).to_have_attribute("data-kept", "yes")
    assert Quote.objects.filter(origin="suggested").count() == 1


# 7. Tab, suggestions from the cursor, the cursor itself


def test_tab_moves_the_focus_into_the_text_and_out_again(page, world):
    suggest(world, "Hun mener at kommunen")
    open_article(page, world)
    page.locator("[data-action='help']").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#article-text")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#article-text")).not_to_be_focused()
    expect(page.locator("#quote-form")).to_be_hidden()  # Tab opened no suggestion


def test_j_and_k_go_to_the_next_and_previous_suggestion_from_the_cursor(page, world):
    for fragment in ("svarte kritikerne", "Vi sier", "planen er god"):
        suggest(world, fragment)
    open_article(page, world)
    preview = page.locator("[data-field='text-preview']")
    page.locator("#article-text").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the cursor at "Hun mener", third paragraph
    page.keyboard.press("j")
    expect(preview).to_have_text("planen er god")
    page.keyboard.press("k")
    expect(preview).to_have_text("Vi sier")
    page.keyboard.press("k")
    expect(preview).to_have_text("svarte kritikerne")
    page.keyboard.press("k")  # round to the last
    expect(preview).to_have_text("planen er god")

    page.keyboard.press("Escape")
    page.locator("#article-text").focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # the second paragraph, after "Vi sier" starts
    page.keyboard.press("ArrowRight")
    page.keyboard.press("k")
    expect(preview).to_have_text("Vi sier")


def test_j_starts_from_the_text_on_screen_when_the_cursor_is_not(page, world):
    paragraphs = [f"Avsnitt {n}: Hun sier at planen er god for bydel {n}." for n in range(60)]
    text = "\n\n".join(paragraphs)
    article = world["article"]
    article.text = text
    article.save()
    for n in (1, 14, 40):
        start = text.index(paragraphs[n])
        QuoteFactory(
            article=article, annotator=world["annotator"], start=start,
            end=start + len(paragraphs[n]), origin="suggested",
        )  # fmt: skip
    open_article(page, world)
    page.get_by_text(paragraphs[13], exact=True).evaluate("p => p.scrollIntoView()")
    page.keyboard.press("j")  # the cursor is at the top, out of sight
    expect(page.locator("[data-field='text-preview']")).to_have_text(paragraphs[14])


# The screen position where code point `offset` of the text begins.
CARET_AT_JS = """(offset) => {
  const segment = [...document.querySelectorAll("#article-text span[data-s]")]
    .find((s) => Number(s.dataset.s) <= offset && offset < Number(s.dataset.e));
  const range = document.createRange();
  range.setStart(segment.firstChild, offset - Number(segment.dataset.s));
  const rect = range.getClientRects()[0];
  return {x: rect.left, y: rect.top};
}"""


def test_the_cursor_is_visible_while_moving_with_the_arrows(page, world):
    open_article(page, world)
    page.locator("#article-text").focus()
    caret = page.locator("#article-text .caret-mark")
    for expected in (1, 2):
        page.keyboard.press("ArrowRight")
        expect(caret).to_be_visible()
        box = caret.bounding_box()
        at = page.evaluate(CARET_AT_JS, expected)
        assert abs(box["x"] + box["width"] / 2 - at["x"]) < 3, (expected, box, at)
        assert abs(box["y"] - at["y"]) < 4
    page.keyboard.press("ArrowDown")
    expect(caret).to_be_visible()
    page.locator("[data-action='help']").focus()
    expect(caret).to_be_hidden()  # only while the text has the focus


# 8. Copy button, guidelines


def test_a_new_token_has_a_copy_button(page, world, live_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(page)
    page.goto("/account/tokens/")
    page.fill("input[name=name]", "laptop")
    page.get_by_role("button", name="Make a token").click()
    token = page.locator("#new-token")
    expect(token).to_contain_text("na_")
    page.get_by_role("button", name="Copy the token").click()
    expect(page.locator("#copy-status")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == token.inner_text()
    assert page.console_errors == []


def test_the_guidelines_come_before_the_long_quote_list(page, world):
    project = world["project"]
    project.guidelines = "Mark **every** quote, with its cue."
    project.save()
    quote_words(world, 25)
    open_article(page, world)
    summary = page.locator(".guidelines summary")
    expect(summary).to_be_in_viewport()
    summary.click()
    expect(page.locator(".guidelines strong")).to_have_text("every")
    assert summary.bounding_box()["y"] < page.locator(".quote-item").first.bounding_box()["y"]
