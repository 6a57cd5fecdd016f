"""A phone: 390 × 844 CSS pixels, touch only. The quote form is a sheet over the text,
selections made by touch (a long press, then the handles) open it, and no page scrolls
sideways."""

import pytest
from playwright.sync_api import expect

from articles.models import Assignment, Quote
from tests.browser.actions import log_in, settled
from tests.factories import ArticleFactory, ProjectFactory, QuoteFactory, UserFactory

WIDTH, HEIGHT = 390, 844
PARAGRAPHS = [
    f"Avsnitt {n}: – Vi må bygge flere boliger i sentrum, sier ordfører Kari Nordmann "
    f"til avisen. Hun mener kommunen har ventet for lenge med planen for kvartal {n}."
    for n in range(1, 81)
]
TEXT = "\n\n".join(PARAGRAPHS)
QUOTE = "Vi må bygge flere boliger i sentrum"  # in paragraph 40, the one on screen
MIDDLE = TEXT.index(PARAGRAPHS[39])

# A touch selection as the browser makes it: the long press selects words ("select"), a
# dragged handle moves one end ("extend": the start stays). Chromium's touch emulation
# makes no selections, so the test sets the range the browser would; the long press ends
# with a touchend (the handles send no touch events to the page, only selectionchange).
# "box": where the words are on screen.
TOUCH_JS = """([fragment, from, action]) => {
  const root = document.getElementById("article-text");
  const shown = (node) => node.parentElement.closest(".visually-hidden")
    ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, shown);
  const nodes = [];
  let full = "";
  for (let node; (node = walker.nextNode()); full += node.data) nodes.push([node, full.length]);
  const locate = (i, last) => {
    for (const [node, start] of nodes) {
      if (i < start + node.data.length || (last && i === start + node.data.length)) {
        return [node, i - start];
      }
    }
  };
  const at = full.indexOf(fragment, full.indexOf(from));
  const [startNode, startOffset] = locate(at);
  const [endNode, endOffset] = locate(at + fragment.length, true);
  if (action === "select") {
    window.getSelection().setBaseAndExtent(startNode, startOffset, endNode, endOffset);
    root.dispatchEvent(new TouchEvent("touchend", {bubbles: true, cancelable: true}));
  } else if (action === "extend") {
    window.getSelection().extend(endNode, endOffset);
  }
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const box = range.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, x: box.left + 2, y: box.top + box.height / 2};
}"""


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": WIDTH, "height": HEIGHT},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture
def world(transactional_db):
    project = ProjectFactory(slug="kyst", name="Kyst")
    article = ArticleFactory(project=project, text=TEXT, title="Boliger i sentrum")
    annotator = UserFactory(username="annotator1", role="annotator")
    Assignment.objects.create(article=article, annotator=annotator)
    project.members.add(annotator)
    return {"project": project, "article": article, "annotator": annotator}


def open_article(page, world):
    log_in(page)
    with page.expect_response(lambda r: r.url.endswith("/speakers/")):
        page.goto(f"/articles/{world['article'].pk}/")
    settled(page)


def long_press(page, fragment, within=PARAGRAPHS[39]):
    """Select `fragment` (the first after `within` begins) as a long press would: the
    finger goes down on the words, and they are selected."""
    at = text_box(page, fragment, within)
    page.touchscreen.tap(at["x"], at["y"])
    page.evaluate(TOUCH_JS, [fragment, within, "select"])


def drag_end_handle(page, fragment, within=PARAGRAPHS[39]):
    """Drag the selection's end handle to the end of `fragment`."""
    page.evaluate(TOUCH_JS, [fragment, within, "extend"])


def text_box(page, fragment, within=PARAGRAPHS[39]):
    return page.evaluate(TOUCH_JS, [fragment, within, "box"])


def no_sideways_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths


def test_open_an_article_select_by_touch_and_save(phone, world):
    page = phone
    open_article(page, world)
    page.get_by_text(PARAGRAPHS[39]).scroll_into_view_if_needed()
    # The words near the bottom of the screen, where the sheet will come up.
    page.evaluate(f"window.scrollBy(0, {text_box(page, QUOTE)['bottom'] - HEIGHT + 40})")
    assert page.evaluate("window.scrollY") > 4000  # a long article, well down it
    assert text_box(page, QUOTE)["bottom"] > HEIGHT - 60
    long_press(page, QUOTE)

    sheet = page.locator("#quote-form")
    expect(sheet).to_be_visible()
    expect(sheet).to_be_in_viewport()
    expect(page.locator("[data-field='text-preview']")).to_have_text(QUOTE)
    box = sheet.bounding_box()
    assert box["y"] + box["height"] <= HEIGHT + 1  # at the bottom of the screen
    assert box["y"] >= HEIGHT * 0.35  # over the lower part of the text only
    assert text_box(page, QUOTE)["bottom"] <= box["y"]  # the words stay in sight above it
    assert text_box(page, QUOTE)["top"] >= 0
    no_sideways_scroll(page)

    page.get_by_label("Indirect").tap()
    with page.expect_response(lambda r: "/quotes/" in r.url and r.request.method == "POST"):
        page.locator("[data-action='save']").tap()
    settled(page)
    expect(sheet).to_be_hidden()
    expect(page.locator("#ws-feedback")).to_have_text("Quote saved.")
    expect(page.locator("#ws-feedback")).to_be_in_viewport()
    quote = Quote.objects.get()
    assert (quote.text, quote.kind) == (QUOTE, "indirect")
    assert quote.start == MIDDLE + PARAGRAPHS[39].index(QUOTE)
    assert page.console_errors == []


def test_the_handles_move_the_quote_and_a_second_selection_is_the_cue(phone, world):
    page = phone
    open_article(page, world)
    page.get_by_text(PARAGRAPHS[39]).scroll_into_view_if_needed()
    long_press(page, "Vi")  # a long press selects a word
    preview = page.locator("[data-field='text-preview']")
    expect(preview).to_have_text("Vi")
    drag_end_handle(page, QUOTE)
    expect(preview).to_have_text(QUOTE)
    expect(page.locator("[data-field='cue-text']")).to_have_text("none")
    long_press(page, "sier")
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    expect(preview).to_have_text(QUOTE)
    with page.expect_response(lambda r: "/quotes/" in r.url and r.request.method == "POST"):
        page.locator("[data-action='save']").tap()
    settled(page)
    quote = Quote.objects.get()
    assert (quote.text, quote.cue_text) == (QUOTE, "sier")


def test_a_tap_on_a_highlight_opens_its_quote(phone, world):
    start = MIDDLE + PARAGRAPHS[39].index(QUOTE)
    QuoteFactory(
        article=world["article"], annotator=world["annotator"], start=start,
        end=start + len(QUOTE),
    )  # fmt: skip
    page = phone
    open_article(page, world)
    highlight = page.locator("#article-text .q").first
    highlight.scroll_into_view_if_needed()
    highlight.tap()
    expect(page.locator(".form-title")).to_have_text("Edit quote")
    expect(page.locator("#quote-form")).to_be_in_viewport()


def test_no_page_scrolls_sideways_on_a_phone(phone, world):
    project = world["project"]
    for n in range(6):
        article = ArticleFactory(
            project=project,
            title=f"Kommunestyret vedtok reguleringsplanen for Sentrumskvartalet{n} i går",
            outlet="Nordlandsposten-Vesteraalens-Avis",
        )
        Assignment.objects.create(article=article, annotator=world["annotator"])
    page = phone
    log_in(page)
    no_sideways_scroll(page)
    page.goto(f"/projects/{project.slug}/")
    expect(page.locator("table.queue")).to_be_visible()
    no_sideways_scroll(page)
    page.goto(f"/articles/{world['article'].pk}/")
    expect(page.locator("#article-text")).to_be_visible()
    no_sideways_scroll(page)
    page.goto("/account/tokens/")
    expect(page.locator("h1")).to_have_text("API tokens")
    no_sideways_scroll(page)


def test_a_tap_on_the_button_makes_a_touch_selection_the_quote_instead(phone, world):
    page = phone
    open_article(page, world)
    page.get_by_text(PARAGRAPHS[39]).scroll_into_view_if_needed()
    long_press(page, "Avsnitt")  # not what was meant
    expect(page.locator("[data-field='text-preview']")).to_have_text("Avsnitt")
    long_press(page, "sier")  # the cue
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    long_press(page, QUOTE)  # taken as the cue in its place
    expect(page.locator("[data-field='cue-text']")).to_have_text(QUOTE)
    page.get_by_role("button", name="Make the selected words the quote").tap()
    expect(page.locator("[data-field='text-preview']")).to_have_text(QUOTE)
    expect(page.locator("[data-field='cue-text']")).to_have_text("sier")
    with page.expect_response(lambda r: "/quotes/" in r.url and r.request.method == "POST"):
        page.locator("[data-action='save']").tap()
    settled(page)
    quote = Quote.objects.get()
    assert (quote.text, quote.cue_text) == (QUOTE, "sier")
