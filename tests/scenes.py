"""A team scene for tests: a project with annotators and reviewers as members, speakers
and stance targets, articles assigned to the annotators, and quotes marked by their text."""

from dataclasses import dataclass, field

from articles.models import Article, Assignment, Project, Quote, Speaker, StanceLabel, StanceTarget
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)


def new_annotators(*usernames: str) -> list:
    """Users with the annotator role, in the order named (not yet members of a project)."""
    return [UserFactory(username=name, role="annotator") for name in usernames]


@dataclass
class TeamScene:
    project: Project
    annotators: list  # users, in the order they were named
    reviewers: list
    speakers: dict[str, Speaker] = field(default_factory=dict)
    targets: dict[str, StanceTarget] = field(default_factory=dict)
    article: Article | None = None  # the first article added

    @property
    def reviewer(self):
        return self.reviewers[0]

    def person(self, username: str):
        return next(u for u in (*self.annotators, *self.reviewers) if u.username == username)

    def add_article(
        self, *, text: str, title: str | None = None, status: str = "done", statuses=None
    ) -> Article:
        """An article assigned to the annotators named in ``statuses`` (username -> status,
        assigned in that order), or else to every annotator with ``status``."""
        made = ArticleFactory(
            project=self.project, text=text, **({"title": title} if title else {})
        )
        chosen = statuses or {person.username: status for person in self.annotators}
        for username, state in chosen.items():
            Assignment.objects.create(article=made, annotator=self.person(username), status=state)
        if self.article is None:
            self.article = made
        return made


def team_scene(
    *,
    text: str | None = None,
    title: str | None = None,
    annotators=("ana", "ben"),
    reviewers=("rev",),
    status: str = "done",
    statuses: dict[str, str] | None = None,
    speakers=(),
    targets=(),
    **project_fields,
) -> TeamScene:
    """A project (``project_fields`` go to its factory) whose members are ``annotators``
    and ``reviewers``; with ``text``, one article assigned as ``add_article`` does."""
    project = ProjectFactory(**project_fields)
    scene = TeamScene(
        project=project,
        annotators=new_annotators(*annotators),
        reviewers=[UserFactory(username=name, role="reviewer") for name in reviewers],
    )
    project.members.add(*scene.annotators, *scene.reviewers)
    scene.speakers = {name: SpeakerFactory(project=project, name=name) for name in speakers}
    scene.targets = {name: StanceTargetFactory(project=project, name=name) for name in targets}
    if text is not None:
        scene.add_article(text=text, title=title, status=status, statuses=statuses)
    return scene


def quote(
    article,
    annotator,
    text,
    *,
    speaker=None,
    kind="direct",
    stances=None,
    cue=None,
    origin="human",
) -> Quote:
    """A quote of the first ``text`` in the article, its cue the first ``cue`` after it,
    with ``stances`` (target -> label)."""
    start = article.text.index(text)
    cue_start = article.text.index(cue, start + len(text)) if cue else None
    made = Quote.objects.create(
        article=article,
        annotator=annotator,
        start=start,
        end=start + len(text),
        text=text,
        kind=kind,
        speaker=speaker,
        origin=origin,
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue else None,
    )
    for target, label in (stances or {}).items():
        StanceLabel.objects.create(quote=made, target=target, label=label)
    return made


# The workspace's browser scene: Norwegian text with a combining accent, an emoji and curly
# quotes, so that a selection must be converted from UTF-16 to code points.
KYST_TEXT = (
    "Ordfører Zoe\u0301 Ha\u0308kkinen svarte kritikerne i går.\n\n"
    "– Vi sier “nei takk” 🙅 til planen, sier Zoe\u0301 Ha\u0308kkinen.\n\n"
    "Hun mener at kommunen må vente til neste år.\n\n"
    "Rådgiver Ola Berg er uenig og sier at planen er god."
)
KYST_SELECTION = "“nei takk” 🙅 til planen, sier Zoe\u0301"


def kyst_scene(*, targets=("Kommunen", "Planen")) -> dict:
    """Project "Kyst" with one article assigned to annotator1, stance ``targets`` and the
    catalogued speaker Ola Berg."""
    project = ProjectFactory(slug="kyst", name="Kyst")
    article = ArticleFactory(project=project, text=KYST_TEXT, title="Planen")
    annotator = UserFactory(username="annotator1", role="annotator")
    Assignment.objects.create(article=article, annotator=annotator)
    project.members.add(annotator)
    made = [StanceTargetFactory(project=project, name=name) for name in targets]
    berg = SpeakerFactory(project=project, name="Ola Berg", description="Rådgiver")
    return {
        "project": project,
        "article": article,
        "annotator": annotator,
        "targets": made,
        "berg": berg,
    }
