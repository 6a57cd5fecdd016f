"""What the wide scope (Scope.WIDE) takes for a content, beyond the clauses scope: pieces
that are no one's words are left out."""

import pytest

from articles.extraction import Scope, cues, extract_quotes
from articles.extraction.clause_shapes import expletive_it, set_phrase


def _wide(text):
    return [q.text for q in extract_quotes(text, scope=Scope.WIDE)]


@pytest.mark.parametrize(
    "text",
    [
        "Lund spoke to the council on Monday. It now seems likely the tolls will rise next spring.",
        "The county board met late. It seems a near certainty that the pier will close in May.",
        "Berg left the hall early. It should be noted that the vote was delayed twice.",
    ],
)
def test_an_empty_it_before_a_raising_or_passive_cue_is_no_piece_of_the_content(text):
    assert "It" not in _wide(text)


def _expletive(sentence):
    tokens = cues.tokens(sentence, 0, len(sentence))
    words = [w for _, _, w in tokens]
    at = next(i for i, w in enumerate(words) if w in ("seems", "appears", "said", "mentioned"))
    return expletive_it(tokens, at, at)


def test_an_empty_it_is_told_from_one_that_stands_for_something():
    assert _expletive("It seems that the ferry is late .")
    assert _expletive("It appears , though , that the vote was close .")
    assert _expletive("It is said the tunnel was unlit .")
    assert not _expletive("It appears certain to pass in May .")
    assert not _expletive("It was never mentioned by the board .")
    assert not _expletive("The plan seems likely to fail .")


@pytest.mark.parametrize(
    "text",
    [
        "The pier plan was first reported by the Ledger on Tuesday.",
        "The plan was applauded by the county board.",
        "Her death was confirmed by the Haugen Institute.",
        "The statement was signed by Mireille Castel.",
    ],
)
def test_a_passive_cues_agent_alone_is_who_said_it_not_what(text):
    assert not [quote for quote in _wide(text) if quote.startswith("by ")]


@pytest.mark.parametrize(
    "text",
    [
        "The county board opened a hearing on the attacks on the harbour office in Lund.",
        "The ferry company counted three terrorist attacks on its depots last year.",
    ],
)
def test_attacks_with_arms_attribute_nothing(text):
    assert _wide(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Twelve percent of voters in the Ledger poll were undecided about the pier.",
        "Just a third of Vestby residents in the county survey approved.",
        "Holt raised two million in the week after the polls closed in Vestby.",
        "Berg met farmers in three villages going to the polls on Sunday.",
    ],
)
def test_a_poll_inside_a_subject_or_a_vote_is_no_source_of_a_finding(text):
    assert not [q for q in extract_quotes(text, scope=Scope.WIDE) if q.start == 0]


def test_a_finding_in_a_poll_is_still_the_polls():
    text = "Holt leads Berg by six points in a new county poll."
    assert _wide(text) == ["Holt leads Berg by six points"]


def test_a_finding_after_the_poll_a_sentence_opens_with_is_the_polls():
    text = (
        "Holt gained ground.\n\nIn a new Fjordposten poll released Monday, Holt leads Berg "
        "by six points. In the latest Nordlys survey, conducted in May, Berg trailed by four."
    )
    assert _wide(text) == ["Holt leads Berg by six points", "Berg trailed by four"]
    quotes = extract_quotes(text, scope=Scope.WIDE)
    assert [text[q.cue_start : q.cue_end] for q in quotes] == ["In", "In"]


def test_a_survey_of_things_is_no_poll_a_finding_is_in():
    text = "In a survey of the seabed last spring, divers found three wrecks near the old pier."
    assert _wide(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In a survey of 800 voters last spring, Holt led Berg by six points.",
        "In a survey of likely voters in Vestby, Holt led Berg by six points.",
        "In a harbour survey last spring, 60 percent of fishermen caught less herring than before.",
    ],
)
def test_a_survey_of_people_is_a_poll_a_finding_is_in(text):
    assert _wide(text) == [text[text.index(", ") + 2 : -1]]


def test_that_is_according_to_a_source_attributes_the_pronoun():
    text = (
        "Vestby spent four million on the pier. That’s according to filings from the harbour board."
    )
    quotes = extract_quotes(text, scope=Scope.WIDE)
    that = [q for q in quotes if q.text == "That"]
    assert len(that) == 1
    assert text[that[0].cue_start : that[0].cue_end] == "’s according to"
    assert text[that[0].speaker_start :].startswith("filings")


@pytest.mark.parametrize(
    "text",
    [
        "In a memo sent as polls closed, the ferry office listed nine new routes.",
        "In the weeks before polls opened, Berg toured nine fishing villages.",
    ],
)
def test_an_opening_in_that_names_no_poll_a_finding_is_in_attributes_nothing(text):
    quotes = extract_quotes(text, scope=Scope.WIDE)
    assert "In" not in [text[q.cue_start : q.cue_end] for q in quotes if q.cue_start is not None]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council had projected last August.", "last August"),
        ("Berg was roundly criticized on Twitter.", "Twitter"),
        ("The ferry company posted on Facebook.", "Facebook"),
        (
            "“Why are you still backing him?” Okafor asked the councillors. “What does it say?”",
            "the councillors",
        ),
    ],
)
def test_a_short_object_that_says_when_where_or_to_whom_is_no_content(text, words):
    assert words not in _wide(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Holt said the ferry would run late all winter but added, "We will do our best."',
            "the ferry would run late all winter",
        ),
        (
            "Berg stated that the council had lost the plans, which he described as "
            "“a scandal for Vestby.”",
            "the council had lost the plans",
        ),
        (
            "Okafor suggested the mayor had a fondness for grand harbours - "
            "“He would have built ten,” Okafor said.",
            "the mayor had a fondness for grand harbours",
        ),
    ],
)
def test_a_clause_that_runs_on_into_a_quotation_keeps_the_words_before_it(text, content):
    assert content in _wide(text)


def test_a_clause_that_ends_in_quoted_words_is_not_cut_before_them():
    text = "Holt said the ferry would run late, but that the crew had “done all it could.”"
    assert "the ferry would run late" not in _wide(text)


@pytest.mark.parametrize(
    "text",
    [
        "Holt spoke at the harbour festival in Vestby on Saturday.",
        "Berg spoke for more than forty minutes.",
        "Okafor spoke to the Vestby Rotary Club in June and to the farmers' union in May.",
        "General Castel, who spoke on behalf of Okafor at the party conference, praised the plan.",
    ],
)
def test_where_how_long_or_to_whom_someone_spoke_is_no_content(text):
    assert not [quote for quote in _wide(text) if quote.split()[0] in ("at", "for", "to", "on")]


def test_what_someone_spoke_about_is_still_content():
    text = "Holt spoke at the harbour festival about the new ferry timetable."
    assert _wide(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“Did you know the pier was sold?” Berg asked the harbour master.", "the harbour master"),
        (
            '"Do you think I will change?" Holt asked reporters during a briefing last month.',
            "reporters during a briefing last month",
        ),
    ],
)
def test_whom_a_quoted_question_was_asked_is_no_content(text, words):
    assert words not in _wide(text)


def test_a_question_asked_after_a_quoted_title_is_still_content():
    text = (
        "During an appearance on “Vestby Today,” Okafor was asked by the host whether the "
        "toll would rise."
    )
    assert any("whether the toll would rise" in quote for quote in _wide(text))


@pytest.mark.parametrize(
    "text",
    [
        "That said, Berg cannot win enough votes in Vestby to take the seat outright.",
        "All told, some four thousand residents could lose their ferry pass.",
    ],
)
def test_a_set_phrase_attributes_nothing(text):
    assert not [q for q in extract_quotes(text, scope=Scope.WIDE) if q.start > 0]
    assert not [q for q in extract_quotes(text) if q.start > 0]


def test_a_report_that_said_something_is_no_set_phrase():
    sentence = "Holt cited a memo that said , in part , that the pier was unsafe ."
    tokens = cues.tokens(sentence, 0, len(sentence))
    at = [w for _, _, w in tokens].index("said")
    assert not set_phrase(tokens, at, at)
    sentence = "That said , the pier was unsafe ."
    assert set_phrase(cues.tokens(sentence, 0, len(sentence)), 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The levy has been fiercely debated, and the pier plan was widely derided at the time.",
        "Is the toll legal? It’s unclear at this point.",
    ],
)
def test_a_content_that_only_says_when_is_no_content(text):
    assert not [quote for quote in _wide(text) if quote.lower().startswith("at ")]


@pytest.mark.parametrize(
    "text",
    [
        "Tolls rose sharply in May, which many residents say left the harbour empty.",
        "The ferry ran late all winter, which several councillors say cost the town its tourists.",
    ],
)
def test_a_relative_before_a_subject_that_names_no_one_is_a_piece_of_the_content(text):
    assert "which" in _wide(text)


def test_a_relative_that_is_its_own_verbs_subject_is_no_piece():
    text = "The ferry company, which has praised the new toll, cut its prices on Monday."
    assert "which" not in _wide(text)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The Vestby harbour fund, which has paid out nothing since 2019, is expected "
            "to close in May.",
            "The Vestby harbour fund",
        ),
        (
            "The new ferry board, headed by Mireille Castel, seems ready to cut fares.",
            "The new ferry board",
        ),
    ],
)
def test_the_subject_of_a_raising_cue_is_found_before_a_parenthetical(text, subject):
    assert subject in _wide(text)


def test_the_subject_of_a_passive_cue_of_telling_is_its_audience_not_a_piece():
    text = "Forty ferry workers, most of them from Lund, have been told to wait at home."
    assert "Forty ferry workers" not in _wide(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Berg spoke first. Holt spoke about the importance of the harbour at the meeting.",
            "the importance of the harbour at the meeting",
        ),
        (
            "Berg spoke first. Holt cast doubt on the official figures for the harbour.",
            "the official figures for the harbour",
        ),
        (
            "Berg spoke first. Holt weighed in on the toll debate at the harbour.",
            "the toll debate at the harbour",
        ),
        (
            "Berg spoke first. Holt spoke passionately about the harbour and its history.",
            "the harbour and its history",
        ),
        (
            "Berg spoke first. Lund has said little about the toll plan in recent weeks.",
            "the toll plan in recent weeks",
        ),
    ],
)
def test_the_preposition_after_a_cue_is_no_part_of_its_content(text, content):
    # Like the 'that' before a clause, the word joining the cue to its object is the cue's.
    assert content in _wide(text)


def test_an_infinitive_after_a_cue_keeps_its_to():
    text = "Berg spoke first. Lund is expected to win the vote in Vestby."
    assert "to win the vote in Vestby" in _wide(text)


@pytest.mark.parametrize(
    ("text", "content", "later"),
    [
        (
            "Ames said the vote was fair, while Lund claimed it was rigged.",
            "the vote was fair",
            "Lund claimed",
        ),
        ("Ames said the vote was fair, Lund reported.", "the vote was fair", "Lund reported"),
        (
            "The board said the pier would close for repairs - critics say that is too late.",
            "the pier would close for repairs",
            "critics say",
        ),
    ],
)
def test_a_content_ends_before_another_speakers_clause_after_a_break(text, content, later):
    found = _wide(text)
    assert content in found
    assert not any(later in piece for piece in found)
