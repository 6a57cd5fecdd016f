"""The Permissions-Policy header as Chromium reads it: every feature named is one it
knows (an unknown one is a console warning on every page), and each is denied."""

from playwright.sync_api import expect

from newsannot.middleware import DENIED_FEATURES


def test_chromium_knows_and_denies_every_feature_in_the_permissions_policy(page, transactional_db):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/accounts/login/")
    expect(page.locator("#id_username")).to_be_visible()
    assert [text for text in messages if "Permissions-Policy" in text] == []
    allowed = page.evaluate("document.featurePolicy.allowedFeatures()")
    assert [feature for feature in DENIED_FEATURES if feature in allowed] == []
    assert page.console_errors == []
