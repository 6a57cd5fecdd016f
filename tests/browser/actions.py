"""What a person does in the browser, shared by the browser tests.

No fixed waits: each step waits, with Playwright's retrying `expect`, for what the person
would see before going on.
"""

from playwright.sync_api import expect

# The classes htmx gives the page while a request is out and until its answer has been
# swapped in and settled (the `htmx:load` handlers of our scripts run before the last one
# goes away).
HTMX_BUSY = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"

# Where on screen a fragment of the article text starts and ends, for a mouse drag.
FRAGMENT_BOX_JS = """(fragment) => {
  const root = document.getElementById("article-text");
  // Only the text on screen: a screen reader's hidden "Quote by ..." label is skipped.
  const shown = (node) => node.parentElement.closest(".visually-hidden")
    ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, shown);
  const nodes = [];
  let full = "";
  for (let node; (node = walker.nextNode()); full += node.data) nodes.push([node, full.length]);
  const locate = (i) => {
    for (const [node, start] of nodes) if (i < start + node.data.length) return [node, i - start];
  };
  const rects = (i) => {
    const range = document.createRange();
    const [node, offset] = locate(i);
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getClientRects();
  };
  const at = full.indexOf(fragment);
  const first = rects(at)[0];
  const lastRects = rects(at + fragment.length - 1);
  const last = lastRects[lastRects.length - 1];
  return {x1: first.left + 1, y1: first.top + first.height / 2,
          x2: last.right - 1, y2: last.top + last.height / 2};
}"""


def log_in(page, username="annotator1"):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-for-tests")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your projects")


def drag_select(page, fragment):
    """Select `fragment` of the article text with a real mouse drag."""
    box = page.evaluate(FRAGMENT_BOX_JS, fragment)
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def settled(page):
    """Wait until every htmx answer is on the page, and the page's scripts have taken it."""
    expect(page.locator(HTMX_BUSY)).to_have_count(0)


def saved(page, action):
    """Run `action` and wait until the htmx answer to a quote write is on the page."""
    with page.expect_response(lambda r: "/quotes/" in r.url and r.request.method == "POST"):
        action()
    settled(page)
