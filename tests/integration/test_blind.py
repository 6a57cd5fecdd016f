"""Blind means blind: in a blind project an annotator sees no figure, quote, stance,
suggestion outcome or agreement computed from another annotator's work, on any page or
API endpoint; reviewers and researchers keep the team's figures."""

import re
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from articles.jobs.models import ProjectJob
from articles.models import (
    Adjudication,
    Assignment,
    Quote,
    RejectedSuggestion,
    StanceLabel,
)
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

SHARED = "Ola Vik said wind is cheap. Kari Nordmann said roads are full. The ferry is late. "
SHARED += "Tolls rise again. Buses run empty."
# Only annotator2 is assigned this article: nothing of it may reach annotator1.
SECRET_TITLE = "Zebra crossing dispute"
SECRET = "Kari Nordmann said the zebra crossing is dangerous. Parents agree it must move."
HARBOUR = "Ola Vik said harbour fees will double next year."
# What annotator2's work would put on annotator1's screens if it leaked.
FORBIDDEN = ("annotator2", SECRET_TITLE, "zebra", "Parents agree")
# annotator2's quotes on the shared article, as a page or JSON would show them (the article
# text alone has each of them followed by a full stop).
THEIR_QUOTES = [
    f"{text}{end}"
    for text in ("The ferry is late", "Tolls rise again", "Buses run empty")
    for end in ("<", '"', "&quot;")
]


def _quote(article, annotator, phrase, origin, speaker=None, stance=None, target=None):
    start = article.text.index(phrase)
    quote = Quote.objects.create(
        article=article,
        annotator=annotator,
        start=start,
        end=start + len(phrase),
        text=phrase,
        origin=origin,
        speaker=speaker,
    )
    if stance:
        StanceLabel.objects.create(quote=quote, target=target, label=stance)
    return quote


def _reject(article, annotator, start):
    RejectedSuggestion.objects.create(
        article=article, annotator=annotator, start=start, end=start + 3
    )


@pytest.fixture
def w():
    """annotator1 has 2 quotes (1 waiting, 1 accepted, 0 corrected, 1 rejected);
    annotator2 has 7 (3 waiting, 2 accepted, 1 corrected, 4 rejected); the team 9."""
    project = ProjectFactory(slug="blind", name="Blind study", blind=True)
    one = UserFactory(username="annotator1", role="annotator")
    two = UserFactory(username="annotator2", role="annotator")
    reviewer = UserFactory(username="reviewer", role="reviewer")
    researcher = UserFactory(username="researcher", role="researcher")
    project.members.add(one, two, reviewer, researcher)
    target = StanceTargetFactory(project=project, name="Wind power")
    vik = SpeakerFactory(project=project, name="Ola Vik")
    # In the catalog by design; only annotator2's quotes name her.
    kari = SpeakerFactory(project=project, name="Kari Nordmann")
    shared = ArticleFactory(project=project, title="Wind and roads", text=SHARED)
    secret = ArticleFactory(project=project, title=SECRET_TITLE, text=SECRET)
    harbour = ArticleFactory(project=project, title="Harbour fees", text=HARBOUR)
    Assignment.objects.create(article=shared, annotator=one, status="in_progress")
    Assignment.objects.create(article=harbour, annotator=one, status="todo")
    Assignment.objects.create(article=shared, annotator=two, status="done")
    Assignment.objects.create(article=secret, annotator=two, status="done")
    Assignment.objects.create(article=harbour, annotator=two, status="in_progress")

    own = [
        _quote(shared, one, "wind is cheap", "accepted", vik, "favor", target),
        _quote(shared, one, "roads are full", "suggested"),
    ]
    _reject(shared, one, 0)
    theirs = [
        _quote(shared, two, "The ferry is late", "suggested"),
        _quote(shared, two, "Tolls rise again", "suggested"),
        _quote(shared, two, "Buses run empty", "suggested"),
        _quote(shared, two, "wind is cheap", "accepted", vik, "against", target),
        _quote(secret, two, "the zebra crossing is dangerous", "accepted", kari, "against", target),
        _quote(secret, two, "it must move", "corrected", kari),
        _quote(harbour, two, "harbour fees will double", "human", kari),
    ]
    for article, start in ((shared, 4), (shared, 8), (secret, 0), (secret, 4)):
        _reject(article, two, start)
    # The reviewer's gold set on the shared article, taken from annotator2's quote.
    gold = Quote.objects.create(
        article=shared,
        annotator=reviewer,
        start=theirs[2].start,
        end=theirs[2].end,
        text=theirs[2].text,
        origin="gold",
        source=theirs[2],
    )
    Adjudication.objects.create(
        article=shared, reviewer=reviewer, status="done", finished_at=timezone.now()
    )
    # A researcher's export job, its manifest holding the team's figures.
    job = ProjectJob.objects.create(
        project=project, kind="export", status="done", started_by=researcher,
        manifest={"counts": {"quotes": 9}}, result={"quotes": 9},
    )  # fmt: skip
    return SimpleNamespace(
        job=job,
        project=project,
        one=one,
        two=two,
        reviewer=reviewer,
        researcher=researcher,
        shared=shared,
        secret=secret,
        harbour=harbour,
        vik=vik,
        kari=kari,
        target=target,
        own=own,
        theirs=theirs,
        gold=gold,
    )


def _text(response) -> str:
    """The response's body with runs of white space made one space."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return re.sub(r"\s+", " ", body.decode())


def _their_quotes_in(page: str) -> list[str]:
    return [needle for needle in THEIR_QUOTES if needle in page]


def _results(response) -> list[dict]:
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


# Pages


def test_project_list_counts_only_the_annotators_own_quotes(client, w):
    client.force_login(w.one)
    response = client.get(reverse("articles:project-list"))
    [project] = response.context["projects"]
    assert project.quote_count == 2
    page = _text(response)
    assert "2 quotes by you" in page
    assert "9 quotes" not in page
    assert "7 quotes" not in page


def test_queue_shows_only_the_annotators_own_suggestion_outcomes(client, w):
    client.force_login(w.one)
    response = client.get(reverse("articles:queue", args=["blind"]))
    assert response.context["outcomes"] == {
        "waiting": 1,
        "accepted": 1,
        "corrected": 0,
        "rejected": 1,
    }
    page = _text(response)
    assert "Your suggestions: 1 waiting, 1 accepted, 0 corrected, 1 rejected." in page
    rows = [(a.article.title, a.quote_count) for a in response.context["assignments"]]
    assert rows == [("Wind and roads", 2), ("Harbour fees", 0)]


def test_workspace_shows_only_the_annotators_own_quotes_and_legend(client, w):
    client.force_login(w.one)
    response = client.get(reverse("articles:article", args=[w.shared.pk]))
    ws = response.context["ws"]
    assert sorted(q.id for q in ws.quotes) == sorted(q.pk for q in w.own)
    assert ws.annotators == []
    assert [(name, count) for name, _, count in ws.legend] == [("Ola Vik", 1), ("", 1)]
    assert "against" not in [label for q in ws.quotes for _, _, label in q.stances]
    # Asking for annotator2's set still shows annotator1 their own.
    url = reverse("articles:article", args=[w.shared.pk])
    asked = client.get(url, {"annotator": "annotator2"}).context["ws"]
    assert (asked.shown, sorted(q.id for q in asked.quotes)) == (w.one, sorted(q.pk for q in w.own))
    assert client.get(reverse("articles:article", args=[w.secret.pk])).status_code == 404
    harbour = client.get(reverse("articles:article", args=[w.harbour.pk]))
    assert harbour.context["ws"].quotes == []


def test_speaker_catalog_is_shared_without_counts(client, w):
    client.force_login(w.one)
    catalog = client.get(reverse("articles:speaker-catalog", args=["blind"])).json()
    assert [entry["name"] for entry in catalog] == ["Kari Nordmann", "Ola Vik"]
    assert {key for entry in catalog for key in entry} == {"id", "name", "aliases", "description"}


# API


def test_api_project_counts_only_the_annotators_own_quotes(client, w):
    client.force_login(w.one)
    [project] = _results(client.get(reverse("api:project-list")))
    assert project["quote_count"] == 2
    detail = client.get(reverse("api:project-detail", args=["blind"])).json()
    assert detail["quote_count"] == 2


def test_api_speaker_counts_only_the_annotators_own_quotes(client, w):
    client.force_login(w.one)
    speakers = _results(client.get(reverse("api:speaker-list")))
    assert [(s["name"], s["quote_count"]) for s in speakers] == [
        ("Ola Vik", 1),
        ("Kari Nordmann", 0),
    ]
    detail = client.get(reverse("api:speaker-detail", args=[w.kari.pk])).json()
    assert detail["quote_count"] == 0


def test_api_articles_and_their_filters_see_only_the_annotators_own_work(client, w):
    client.force_login(w.one)
    url = reverse("api:article-list")
    rows = _results(client.get(url))
    assert [(a["title"], a["quote_count"]) for a in rows] == [
        ("Wind and roads", 2),
        ("Harbour fees", 0),
    ]

    def titles(**params):
        return [a["title"] for a in _results(client.get(url, params))]

    # annotator2 quoted the harbour article and finished the shared one: neither shows.
    assert titles(has_quotes="true") == ["Wind and roads"]
    assert titles(has_quotes="false") == ["Harbour fees"]
    assert titles(status="done") == []
    assert titles(status="in_progress") == ["Wind and roads"]
    assert titles(status="todo") == ["Harbour fees"]


def test_api_article_detail_has_only_the_annotators_own_quotes(client, w):
    client.force_login(w.one)
    url = reverse("api:article-detail", args=[w.shared.pk])
    record = client.get(url).json()
    assert sorted(q["id"] for q in record["quotes"]) == sorted(q.pk for q in w.own)
    assert {q["annotator"] for q in record["quotes"]} == {"annotator1"}
    assert client.get(url, {"annotations": "gold"}).json()["quotes"] == []
    assert client.get(url, {"annotations": "annotator:annotator2"}).json()["quotes"] == []
    secret = reverse("api:article-detail", args=[w.secret.pk])
    assert client.get(secret).status_code == 404


def test_api_quotes_are_only_the_annotators_own(client, w):
    client.force_login(w.one)
    url = reverse("api:quote-list")
    quotes = _results(client.get(url))
    assert sorted(q["id"] for q in quotes) == sorted(q.pk for q in w.own)
    assert [s["label"] for q in quotes for s in q["stances"]] == ["favor"]
    assert _results(client.get(url, {"annotator": "annotator2"})) == []
    assert _results(client.get(url, {"origin": "gold"})) == []
    assert _results(client.get(url, {"stance": "against"})) == []
    for quote in (*w.theirs, w.gold):
        assert client.get(reverse("api:quote-detail", args=[quote.pk])).status_code == 404


def test_exports_and_agreement_refuse_annotators(client, w):
    client.force_login(w.one)
    for name in ("export", "manifest", "agreement"):
        response = client.get(reverse(f"api:{name}", args=["blind"]))
        assert response.status_code == 403, name


# Every route


def _route_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _route_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


def _walk(w) -> list[tuple[str, str, str, dict]]:
    """Every route of the site as annotator1 might call it: (name, method, url, data)."""
    shared, secret, slug = w.shared.pk, w.secret.pk, "blind"
    theirs, mine = w.theirs[0].pk, w.own[0].pk
    get = [
        ("articles:project-list", []),
        ("articles:queue", [slug]),
        ("articles:next-article", [slug]),
        ("articles:speaker-catalog", [slug]),
        ("articles:dashboard", [slug]),
        ("articles:distribute", [slug]),
        ("articles:next-to-adjudicate", [slug]),
        ("articles:article", [shared]),
        ("articles:article", [secret]),
        ("articles:article", [w.harbour.pk]),
        ("articles:adjudicate", [shared]),
        ("articles:article-history", [shared]),
        ("articles:quote-history", [shared, theirs]),
        ("articles:upload", [slug]),
        ("articles:export", [slug]),
        ("articles:job", [w.job.pk]),
        ("articles:job-download", [w.job.pk]),
        ("articles:job-manifest", [w.job.pk]),
        ("accounts:language", []),
        ("javascript-catalog", []),
        ("articles:analysis", [slug]),
        ("articles:articles", [slug]),
        ("articles:analysis-csv", [slug]),
        ("articles:speaker-page", [slug, w.kari.pk]),
        ("articles:speakers", [slug]),
        ("articles:target-page", [slug, w.target.pk]),
        ("articles:quote-search", [slug]),
        ("articles:quote-search-export", [slug]),
        ("api:project-list", []),
        ("api:project-detail", [slug]),
        ("api:article-list", []),
        ("api:article-detail", [shared]),
        ("api:article-detail", [secret]),
        ("api:quote-list", []),
        ("api:quote-detail", [mine]),
        ("api:quote-detail", [theirs]),
        ("api:speaker-list", []),
        ("api:speaker-detail", [w.kari.pk]),
        ("api:target-list", []),
        ("api:target-detail", [w.target.pk]),
        ("api:export", [slug]),
        ("api:manifest", [slug]),
        ("api:agreement", [slug]),
        ("api:history", [slug]),
        ("api:flags", [slug]),
        ("api:speaker-quotes", [slug, w.kari.pk]),
        ("api:target-stances", [slug, w.target.pk]),
        ("api:job", [w.job.pk]),
        ("api:article-status", [shared]),
        ("api:article-status", [secret]),
        ("api:members", [slug]),
        ("api:targets", [slug]),
        ("api:users", []),
        ("api:user", [w.two.pk]),
        ("api:index", []),
        ("api:assignments", [slug]),
        ("articles:project-create", []),
        ("articles:project-edit", [slug]),
        ("articles:members", [slug]),
        ("accounts:people", []),
        ("accounts:tokens", []),
        ("accounts:two-factor", []),
        ("accounts:two-factor-enrol", []),
        ("accounts:two-factor-verify", []),
        ("login", []),
        ("logout", []),
        ("password_change", []),
        ("password_change_done", []),
        ("password_reset", []),
        ("password_reset_done", []),
        ("password_reset_confirm", ["MQ", "forged-token"]),
        ("password_reset_complete", []),
        ("schema", []),
        ("api-docs", []),
        ("admin:index", []),
        ("admin:articles_quote_changelist", []),
    ]
    # Writes, sent so that nothing is written: their answers must not show the team's work.
    post = [
        ("articles:adjudicate-unanimous", [shared], {}),
        ("articles:adjudicate-finish", [shared], {}),
        ("articles:gold-create", [shared], {}),
        ("articles:gold-edit", [shared, w.gold.pk], {}),
        ("articles:gold-delete", [shared, w.gold.pk], {}),
        ("articles:adjudicate-group", [shared, "take"], {}),
        ("articles:article-status", [shared], {"status": "nonsense"}),
        ("articles:suggestions-judge", [shared], {}),
        ("articles:quote-create", [shared], {}),
        ("articles:upload", [slug], {}),
        ("articles:export", [slug], {"format": "jsonl", "annotations": "all"}),
        ("articles:job-start", [w.job.pk], {}),
        ("articles:job-cancel", [w.job.pk], {}),
        ("articles:quote-undo", [shared], {"undo": "forged"}),
        ("articles:quote-update", [shared, theirs], {}),
        ("articles:quote-delete", [shared, theirs], {}),
        ("articles:quote-accept", [shared, theirs], {}),
        ("api:article-import", [slug], {}),
        ("api:article-quotes", [shared], {}),
        ("api:article-quotes", [secret], {}),
        ("api:article-status", [shared], {}),
        ("api:article-status", [secret], {}),
        ("api:suggestions-judge", [shared], {}),
        ("api:suggestions-judge", [secret], {}),
        ("accounts:revoke-token", ["nope"], {}),
        ("articles:project-create", [], {"name": "Taken", "slug": "taken"}),
        ("articles:guidelines-preview", [], {"guidelines": "x"}),
        ("articles:project-edit", [slug], {"name": "Taken"}),
        ("articles:target-add", [slug], {"name": "Taken"}),
        ("articles:target-remove", [slug, w.target.pk], {}),
        ("articles:members", [slug], {"users": ["annotator1"]}),
        ("articles:member-remove", [slug, w.two.pk], {}),
        ("accounts:person-add", [], {"username": "x", "email": "x@x.org", "role": "admin"}),
        ("accounts:people-bulk", [], {"csv_text": "username,email,role\n", "confirm": "on"}),
        ("accounts:person-role", [w.one.pk], {"role": "admin"}),
        ("accounts:person-active", [w.two.pk], {"active": "0"}),
        ("accounts:person-password", [w.two.pk], {}),
        ("api:project-list", [], {}),
        ("api:members", [slug], {}),
        ("api:targets", [slug], {}),
        ("api:users", [], {}),
        ("api:users-bulk", [], {}),
        ("api:user-password-link", [w.two.pk], {}),
        ("api:assignments", [slug], {}),
        ("api:article-adjudication", [shared], {}),
        ("api:article-adjudication", [secret], {}),
        ("api:auth-token", [], {}),
        ("accounts:language", [], {"language": ""}),
        ("articles:suggest", [slug], {}),
        ("articles:speaker-edit", [slug, w.kari.pk], {"name": "Taken"}),
        ("articles:speaker-confirm", [slug, w.kari.pk], {}),
        ("articles:speaker-merge", [slug, w.kari.pk], {"into": "nobody"}),
        ("articles:alias-add", [slug, w.kari.pk], {"alias": "K. N."}),
        ("articles:alias-remove", [slug, w.kari.pk, 1], {}),
        ("articles:flag-create", [secret], {"note": ""}),
        ("articles:fetch-pages", [slug], {"urls": "ftp://nowhere"}),
        ("api:pages", [slug], {}),
        ("articles:flag-answer", [1], {}),
        ("articles:flag-resolve", [1], {}),
        ("accounts:two-factor-recovery-codes", [], {}),
        ("accounts:two-factor-disable", [], {}),
    ]
    calls = [(name, "get", reverse(name, args=args), {}) for name, args in get]
    calls += [(name, "post", reverse(name, args=args), data) for name, args, data in post]
    extra = [
        (
            "articles:article",
            reverse("articles:article", args=[shared]),
            {"annotator": "annotator2"},
        ),
        (
            "api:article-detail",
            reverse("api:article-detail", args=[shared]),
            {"annotations": "gold"},
        ),
        (
            "api:article-detail",
            reverse("api:article-detail", args=[shared]),
            {"annotations": "annotator:annotator2"},
        ),
        ("api:quote-list", reverse("api:quote-list"), {"annotator": "annotator2"}),
        ("api:export", reverse("api:export", args=[slug]), {"annotations": "annotator:annotator2"}),
    ]
    return calls + [(name, "get", url, data) for name, url, data in extra]


def test_the_walk_covers_every_route_of_the_site(w):
    walked = {name for name, *_ in _walk(w)}
    # The admin refuses non-staff at its door; two of its pages are walked for all.
    expected = {name for name in _route_names() if not name.startswith("admin:")}
    assert expected - walked == set()


def test_no_page_or_endpoint_shows_annotator1_the_other_annotators_work(client, w):
    client.force_login(w.one)
    for name, method, url, data in _walk(w):
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, (name, url)
        page = _text(response)
        for word in FORBIDDEN:
            assert word not in page, (name, url, word)
        assert _their_quotes_in(page) == [], (name, url)
        for figure in ("9 quotes", "4 waiting", "3 accepted", "1 corrected", "5 rejected"):
            assert figure not in page, (name, url, figure)
    assert Quote.objects.count() == 10  # nothing was written on the way


# The people who oversee the project keep the team's figures.


@pytest.mark.parametrize("who", ["reviewer", "researcher"])
def test_reviewers_and_researchers_see_the_whole_teams_figures(client, w, who):
    client.force_login(getattr(w, who))
    assert "9 quotes" in _text(client.get(reverse("articles:project-list")))
    queue = client.get(reverse("articles:queue", args=["blind"]))
    assert "4 waiting, 3 accepted, 1 corrected, 5 rejected." in _text(queue)
    [project] = _results(client.get(reverse("api:project-list")))
    assert project["quote_count"] == 9
    speakers = _results(client.get(reverse("api:speaker-list")))
    assert [(s["name"], s["quote_count"]) for s in speakers] == [
        ("Ola Vik", 2),
        ("Kari Nordmann", 3),
    ]
    done = _results(client.get(reverse("api:article-list"), {"status": "done"}))
    assert sorted(a["title"] for a in done) == sorted(["Wind and roads", SECRET_TITLE])
    # What the walk looks for is what their pages do show of annotator2's quotes.
    workspace = reverse("articles:article", args=[w.shared.pk])
    assert _their_quotes_in(_text(client.get(workspace, {"annotator": "annotator2"})))
    assert _their_quotes_in(_text(client.get(reverse("api:quote-list"))))
    assert "Your suggestions" not in _text(queue)


def test_admins_see_the_whole_teams_figures(client, w, admin_user):
    force_verified_login(client, admin_user)
    [project] = client.get(reverse("articles:project-list")).context["projects"]
    assert project.quote_count == 9
    queue = client.get(reverse("articles:queue", args=["blind"]))
    assert queue.context["outcomes"]["rejected"] == 5


def test_an_open_project_shows_annotators_the_whole_teams_figures(client, w):
    # Not blind: annotators see each other's quotes in the workspace, so the counts may too.
    project = w.project
    project.blind = False
    project.save(update_fields=["blind"])
    client.force_login(w.one)
    assert "9 quotes" in _text(client.get(reverse("articles:project-list")))
    queue = client.get(reverse("articles:queue", args=["blind"]))
    assert "4 waiting, 3 accepted, 1 corrected, 5 rejected." in _text(queue)
    speakers = _results(client.get(reverse("api:speaker-list")))
    assert [(s["name"], s["quote_count"]) for s in speakers] == [
        ("Ola Vik", 2),
        ("Kari Nordmann", 3),
    ]


def test_blind_counts_are_per_project(client, w):
    # One list, two projects: blind in one, open in the other.
    open_project = ProjectFactory(slug="open", name="Open study", blind=False)
    open_project.members.add(w.one, w.two)
    article = ArticleFactory(project=open_project, text="Ola Vik said tolls rise again.")
    _quote(article, w.one, "tolls rise", "human")
    _quote(article, w.two, "rise again", "human")
    _quote(article, w.two, "Ola Vik", "human")
    client.force_login(w.one)
    response = client.get(reverse("articles:project-list"))
    assert {p.slug: p.quote_count for p in response.context["projects"]} == {"blind": 2, "open": 3}
    page = _text(response)
    assert "2 quotes by you" in page
    assert "3 quotes by you" not in page
    api = _results(client.get(reverse("api:project-list")))
    assert {p["slug"]: p["quote_count"] for p in api} == {"blind": 2, "open": 3}
