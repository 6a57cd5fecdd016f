"""WCAG 2.2 AA in a real browser: axe-core on every page a person reaches, in the light
and the dark colour scheme, finds no serious or critical violation.

axe-core comes inside the ``axe-playwright-python`` wheel (nothing is fetched when the
tests run); it is injected into each page after it has loaded, past our CSP.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from articles.models import Assignment, Quote
from articles.review import adjudication
from tests.browser.actions import drag_select, log_in, settled
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login, totp_code

BLOCKING = {"serious", "critical"}
# WCAG 2.0-2.2 A and AA, and axe's best practices (landmarks, heading order, ...).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
SPEAKERS = ("Eva Hansen", "Putin", "Ola Berg", "Kari Nordmann")
TEXT = (
    "Foreign minister Eva Hansen came back from Moscow.\n\n"
    "“Russia will never accept a neighbour that hosts NATO troops,” Putin said, "
    "according to Hansen.\n\n"
    "– We told him that Oslo will decide, says Hansen.\n\n"
    "Ola Berg, an adviser, says the talks were over before they had begun. "
    "Kari Nordmann believes that the next round will go better.\n"
)
QUOTES = (
    ("Russia will never accept a neighbour that hosts NATO troops", "Putin"),
    ("We told him that Oslo will decide", "Eva Hansen"),
    ("the talks were over before they had begun", "Ola Berg"),
    ("the next round will go better", "Kari Nordmann"),
)
axe = Axe()


@pytest.fixture
def world(transactional_db):
    project = ProjectFactory(slug="moscow", name="Moscow", annotators_per_article=2)
    article = ArticleFactory(project=project, text=TEXT, title="Moscow talks")
    board = ArticleFactory(project=project, text=TEXT + "(Updated.)", title="Moscow, adjudicated")
    people = [UserFactory(username=n, role="annotator") for n in ("annotator1", "annotator2")]
    reviewer = UserFactory(username="reviewer", role="reviewer")
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    project.members.add(*people, reviewer, boss)
    StanceTargetFactory(project=project, name="NATO")
    speakers = {name: SpeakerFactory(project=project, name=name) for name in SPEAKERS}

    def quote(where, person, fragment, speaker=None, **fields):
        start = TEXT.index(fragment)
        return QuoteFactory(
            article=where,
            annotator=person,
            start=start,
            end=start + len(fragment),
            speaker=speakers[speaker] if speaker else None,
            **fields,
        )

    # annotator1's article in progress: four speakers and a suggestion waiting.
    Assignment.objects.create(article=article, annotator=people[0])
    for fragment, speaker in QUOTES:
        quote(article, people[0], fragment, speaker)
    quote(article, people[0], "Foreign minister", origin=Quote.Origin.SUGGESTED)
    # An article both have done, on the board: a group in gold, one dropped, others open.
    for index, person in enumerate(people):
        Assignment.objects.create(article=board, annotator=person, status="done")
        made = [quote(board, person, fragment, speaker) for fragment, speaker in QUOTES[index:]]
    adjudication.take_version(article=board, reviewer=reviewer, quote_id=made[0].pk)
    adjudication.drop_group(article=board, reviewer=reviewer, quote_id=made[1].pk)
    return {"project": project, "article": article, "board": board, "boss": boss}


def violations(page) -> list[dict]:
    """axe's violations on the page as it is now, of every impact."""
    settled(page)
    return axe.run(page, options=AXE_OPTIONS).response["violations"]


def report(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, page_violations in found.items():
        for violation in page_violations:
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
                if node.get("failureSummary"):
                    lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def check(page, where: str, found: dict) -> None:
    every = violations(page)
    blocking = [v for v in every if v["impact"] in BLOCKING]
    lesser = ", ".join(f"{v['id']} ({v['impact']})" for v in every if v not in blocking)
    print(f"{where}: {len(blocking)} serious/critical; lesser: {lesser or 'none'}")
    if blocking:
        found[where] = blocking


def staff_session(live_server, context, user) -> None:
    """Give the browser a session of ``user`` that passed two-factor verification."""
    client = Client()
    force_verified_login(client, user)
    name = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violation_on_any_page(
    chromium, live_server, world, scheme, artifacts
):
    context = chromium.new_context(base_url=live_server.url, color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[dict]] = {}
    article, slug = world["article"], world["project"].slug
    try:
        page.goto("/accounts/login/")
        # The page follows the system's colour scheme.
        paper = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        assert paper == ("rgb(20, 23, 29)" if scheme == "dark" else "rgb(246, 245, 241)")
        check(page, "login", found)

        log_in(page, "annotator1")
        check(page, "project list", found)
        page.goto(f"/projects/{slug}/")
        expect(page.locator("table.queue")).to_be_visible()
        check(page, "queue", found)

        page.goto(f"/articles/{article.pk}/")
        expect(page.locator("#article-text .q").first).to_be_visible()
        drag_select(page, "came back from Moscow")
        expect(page.locator("#quote-form")).to_be_visible()
        check(page, "workspace, quote form open", found)
        page.screenshot(path=artifacts / f"workspace-{scheme}.png")

        page.goto("/account/tokens/")
        check(page, "API tokens", found)
        page.goto("/accounts/password/")
        check(page, "password change", found)

        page.goto("/account/two-factor/")
        check(page, "two-factor (off)", found)
        page.click("text=Set it up")
        expect(page.locator("img.qr-code")).to_be_visible()
        check(page, "two-factor enrol", found)
        device = TOTPDevice.objects.get(user__username="annotator1")
        page.fill("#id_code", totp_code(device))
        page.click("button:text('Confirm')")
        expect(page.locator("h1")).to_have_text("Your recovery codes")
        check(page, "two-factor recovery codes", found)
        page.goto("/account/two-factor/")
        check(page, "two-factor (on)", found)
        page.click("text=Log out")
        # Type only once the logout has landed on the login page: one CI run under load
        # submitted the login and stayed on 'Log in' (a rerun passed).
        expect(page.locator("h1")).to_have_text("Log in")
        page.fill("#id_username", "annotator1")
        page.fill("#id_password", "pw-for-tests")
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Enter your code")
        check(page, "two-factor verify", found)
        page.context.clear_cookies()

        log_in(page, "reviewer")
        page.goto(f"/articles/{world['board'].pk}/adjudicate/")
        expect(page.locator("#board .group").first).to_be_visible()
        check(page, "adjudication board", found)
        page.screenshot(path=artifacts / f"adjudication-{scheme}.png")
        page.goto(f"/projects/{slug}/dashboard/")
        check(page, "dashboard", found)
        page.screenshot(path=artifacts / f"dashboard-{scheme}.png", full_page=True)
        page.goto(f"/projects/{slug}/articles/")
        expect(page.locator("#article-table")).to_be_visible()
        check(page, "articles", found)
        page.goto(f"/projects/{slug}/analysis/")
        expect(page.locator("#corpus-figures")).to_be_visible()
        check(page, "analysis", found)
        page.locator("#top-speakers a").first.click()
        expect(page.locator("#speaker-quotes")).to_be_visible()
        check(page, "speaker page", found)
        page.goto(f"/projects/{slug}/analysis/quotes/?q=Moscow")
        expect(page.locator("#quote-results")).to_be_visible()
        check(page, "quote search", found)
        page.goto(f"/projects/{slug}/catalog/")
        expect(page.locator("#speaker-list")).to_be_visible()
        page.locator("#speaker-list details summary").first.click()
        check(page, "speaker catalog, a row open", found)
        page.context.clear_cookies()

        staff_session(live_server, context, world["boss"])
        page.goto(f"/projects/{slug}/distribute/")
        expect(page.locator("h1")).to_be_visible()
        check(page, "distribute", found)
        for name, url in [
            ("export", f"/projects/{slug}/export/"),
            ("upload", f"/projects/{slug}/upload/"),
            ("history", f"/articles/{world['board'].pk}/history/"),
        ]:
            page.goto(url)
            expect(page.locator("h1")).to_be_visible()
            check(page, name, found)
    finally:
        context.close()
    assert not found, "axe found serious or critical violations:\n" + report(found)


def test_keyboard_focus_is_always_visible(page, world):
    log_in(page, "reviewer")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.goto(f"/articles/{world['board'].pk}/adjudicate/")
    settled(page)
    seen = set()
    for _ in range(16):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_RING_JS)
        seen.add(focused["what"])
        assert focused["outline"] != "none", focused
        assert focused["width"] >= 2, focused
    assert {"A", "BUTTON", "ARTICLE"} <= seen, seen
    # j moves the keyboard focus to the next quote group, which shows it.
    page.keyboard.press("Escape")
    page.locator("#article-text").focus()
    page.keyboard.press("j")
    group = page.locator("#board .group").nth(1)
    expect(group).to_be_focused()
    assert page.evaluate(FOCUS_RING_JS)["outline"] != "none"


FOCUS_RING_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {what: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          html: el.outerHTML.slice(0, 80)};
}"""


def test_a_screen_reader_hears_whose_quote_a_highlight_is(page, world):
    log_in(page, "annotator1")
    page.goto(f"/articles/{world['article'].pk}/")
    text = page.locator("#article-text")
    expect(text).to_be_visible()
    tree = text.aria_snapshot()
    assert "Quote by Putin: Russia will never accept" in tree, tree
    assert "Suggested quote, speaker unknown: Foreign minister" in tree, tree
    # ... while a selection of the text, and a copy of it, hold the article's words alone.
    selected = page.evaluate(
        """() => {
          window.getSelection().selectAllChildren(document.getElementById("article-text"));
          return window.getSelection().toString();
        }"""
    )
    assert "Quote by" not in selected
    assert "“Russia will never accept" in selected


def test_motion_stops_when_the_system_asks_for_less(chromium, live_server, world):
    context = chromium.new_context(base_url=live_server.url, reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        duration = page.evaluate(
            "getComputedStyle(document.querySelector('button.primary')).transitionDuration"
        )
        assert float(duration.removesuffix("s")) < 0.001
    finally:
        context.close()
