"""Who the speaker is: names, descriptions, pronouns and canonical spellings, on our own
invented sentences in the style of Norwegian and US news."""

from pathlib import Path

from articles.extraction import extract, extract_quotes, names, spelling
from articles.extraction.names import can_speak, names_found
from articles.extraction.phrases import named_by
from articles.extraction.registry import Entity, Registry

# An invented article in the style of the seed example: dash-led quotes, unattributed
# dash paragraphs, captions printed twice, a title before a name, a misspelling after
# the right spelling, places listed after "research on", boilerplate at the end.
SEED_STYLE = (Path(__file__).parents[1] / "data" / "seed_style_article.txt").read_text(
    encoding="utf-8"
)


def test_the_seed_style_article_has_four_speakers_with_bare_canonical_names():
    quotes, speakers = extract(SEED_STYLE)
    by_name = {s.name: s for s in speakers}
    assert set(by_name) == {
        "Interpressa",
        "Levan Gelashvili",
        "Sigrid Fjellheim",
        "Tomasz Wierzbicki",
    }
    assert "Prime Minister" in by_name["Levan Gelashvili"].description
    assert by_name["Sigrid Fjellheim"].description == "Caucasus expert"
    assert by_name["Tomasz Wierzbicki"].description == "Energy economist"
    assert "Wierzbicky" in by_name["Tomasz Wierzbicki"].aliases
    named = {q.speaker for q in quotes}
    assert not named & {"Georgia", "Armenia", "Azerbaijan", "Armenia and Azerbaijan", "Baku"}


def test_the_seed_style_article_gives_each_quote_its_speaker():
    quotes = {q.text[:40]: q for q in extract_quotes(SEED_STYLE)}

    def speaker(start):
        return next(q.speaker for text, q in quotes.items() if text.startswith(start))

    # "she says" after a paragraph about the prime minister: the expert, a woman.
    assert speaker("The economy is slowing down") == "Sigrid Fjellheim"
    assert speaker("the two men will agree") == "Sigrid Fjellheim"
    assert speaker("anything binding will be signed") == "Sigrid Fjellheim"  # "doubts that"
    assert speaker("We are a small country") == "Levan Gelashvili"
    assert speaker("It is a very Georgian kind") == "Sigrid Fjellheim"  # dash continuation
    assert speaker("Every concession Tbilisi") == "Tomasz Wierzbicki"  # misspelt once
    assert speaker("the price of gas has become") == "Tomasz Wierzbicki"


def test_a_described_speaker_is_unnamed_and_stays_out_of_the_speaker_list():
    text = (
        "Inflation rose again in March.\n\n"
        "“We expect prices to settle by the summer,” a spokeswoman for Britain’s Treasury "
        "said."
    )
    quotes, speakers = extract(text)
    [quote] = quotes
    assert quote.speaker is None
    assert quote.speaker_description == "a spokeswoman for Britain’s Treasury"
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_description
    assert speakers == []


def test_generic_subjects_are_descriptions_not_names():
    text = "The vote was close.\n\n“It is a fix,” observers said.\n\n“We won,” Holt said."
    first, second = extract_quotes(text)
    assert (first.speaker, first.speaker_description) == (None, "observers")
    assert second.speaker == "Holt"


def test_a_name_and_its_apposition_are_not_swapped():
    registry = Registry()
    entity = named_by(registry, "Moyra Baxter, the board's chair")
    assert entity.name == "Moyra Baxter"
    assert entity.description == "board's chair"
    entity = named_by(registry, "Lund's press secretary, Peter Okafor")
    assert entity.name == "Peter Okafor"


def test_places_roles_and_sentence_adverbs_are_not_speakers():
    for phrase in ("Russia and Ukraine", "U.S", "Tampa", "Democrat of Missouri", "Though"):
        assert not can_speak(phrase), phrase
    registry = Registry("Though the plan failed, the report said the hospital was fine.")
    assert named_by(registry, "Though") is None
    assert named_by(registry, "Democrat of Missouri") is None
    assert named_by(registry, "Sen. Clara Haugen, Democrat of Missouri").name == ("Clara Haugen")


def test_titles_go_to_the_description_not_the_name():
    [found] = names_found("Belarusian President Aleksandr Lukashenko")
    assert found.name == "Aleksandr Lukashenko"
    assert found.titles == "Belarusian President"
    assert [f.name for f in names_found("Former Florida Gov. Jeb Bush")] == ["Jeb Bush"]
    assert [f.name for f in names_found("Secretary of State John Kerry")] == ["John Kerry"]
    assert [f.name for f in names_found("Republican National Committee")] == [
        "Republican National Committee"
    ]


def test_a_pronoun_means_the_salient_person_of_its_gender():
    text = (
        "Senator Ellen Marsh met Victor Berg on Monday.\n\n"
        "“The bill is dead,” Marsh said.\n\n"
        "Berg arrived late to the meeting and left early.\n\n"
        "“We will try again next year,” she said."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ellen Marsh", "Ellen Marsh"]


def test_a_name_before_a_noun_after_an_article_is_no_subject_for_a_pronoun():
    # 'the Berg stations' qualifies a noun: Berg is no subject, and 'he' is still Holt.
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt took questions for an hour, and the Berg stations carried it live. "
        "“I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Holt"]


def test_a_name_after_a_verb_in_the_past_is_no_subject_for_a_pronoun():
    # Berg is whom Holt visited: 'he' is still Holt.
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt visited Berg twice that week. “I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Holt"]


def test_a_name_after_a_question_word_is_no_subject_for_a_pronoun():
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt wanted to know who Berg was. “I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Holt"


def test_a_name_before_a_noun_for_its_people_is_no_subject_for_a_pronoun():
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt took questions for an hour while Berg supporters waited outside. "
        "“I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Holt"]


def test_a_name_after_known_as_is_a_person_not_a_company():
    # 'as' is a company's suffix only as 'Fjord AS': 'the chief known as Haugen' is a person.
    registry = Registry("The harbour chief known as Haugen said the port would close.")
    assert named_by(registry, "The harbour chief known as Haugen").person
    assert named_by(Registry(""), "the trawler company Polarfangst").org


def test_a_name_after_a_role_of_an_organisation_is_a_person():
    # The head of 'former secretary of state' is the secretary, not the state.
    assert named_by(Registry(""), "former secretary of state Mireille Castel").person
    assert named_by(Registry(""), "its chair and CEO Mireille Castel").person


def test_a_title_tells_the_gender_of_a_surname():
    text = (
        "Mrs. Okonjo and Mr. Baptiste disagreed about the budget.\n\n"
        "“The cuts go too far,” Mr. Baptiste said.\n\n"
        "Later, Mrs. Okonjo spoke to the press.\n\n"
        "“We have no choice,” she said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Baptiste", "Okonjo"]


def test_the_spelling_most_of_the_text_uses_is_the_canonical_one():
    # The misspelling comes first; the right spelling is in three places, two captions.
    text = (
        "– We will see, says Russia expert Jakub Godzimirksi.\n\n"
        "– Nothing is certain, says Godzimirski.\n\n"
        "WAITING: Jakub Godzimirski in his office. Photo: NTB\n\n"
        "WAITING: Jakub Godzimirski in his office. Photo: NTB"
    )
    _, [speaker] = extract(text)
    assert speaker.name == "Jakub Godzimirski"
    assert "Jakub Godzimirksi" in speaker.aliases


def test_work_grows_about_linearly_with_one_long_paragraph(monkeypatch):
    # Counted, not timed (speed is bench/extraction.py's): name comparisons by edit
    # distance, the step that compared every mention with every person before.
    # Thousands of different people, every two surnames at least three letters apart.
    def surname(number):
        return "".join(
            "mtsvdbgfkr"[d] + "aeiouaeiou"[d] + "nlrstkpdmb"[d] + "dkptsmnrlg"[d]
            for d in map(int, f"{number:03d}")
        ).capitalize()

    def paragraph(count):
        return "".join(
            f"“We will not give up on the harbour,” said Kari {surname(i)}, a councillor. "
            for i in range(count)
        )

    comparisons = []
    measure = spelling.edit_distance
    monkeypatch.setattr(
        spelling, "edit_distance", lambda *args, **kw: comparisons.append(1) or measure(*args, **kw)
    )

    def counted(text):
        spelling.similar.cache_clear()
        comparisons.clear()
        extract_quotes(text)
        return len(comparisons)

    small, large = counted(paragraph(200)), counted(paragraph(800))
    assert small > 0
    # Quadratic work would be 16 times as much for 4 times the text.
    assert large < 8 * small


def test_a_restored_checkpoint_undoes_salience_inner_and_outer():
    registry = Registry()
    marsh = registry.resolve("Ellen Marsh")
    registry.spoke(marsh)
    before = (registry.last_speaker, registry.last_mentioned, marsh.spoke_at, marsh.mention_count)
    outer = registry.checkpoint()
    inner = registry.checkpoint()
    registry.spoke(registry.resolve("Ellen Marsh"))
    registry.restore(inner)
    voss = registry.resolve("Kelly Voss")
    registry.spoke(marsh)
    registry.restore(outer)
    assert (registry.last_speaker, registry.last_mentioned) == before[:2]
    assert (marsh.spoke_at, marsh.mention_count) == before[2:]
    assert voss not in registry.entities  # a name learned meanwhile is unknown again
    assert registry.find("Voss") is None


_NOT_STATE = frozenset("_journal _checkpoints _texts_read".split())


def _everything(registry: Registry) -> tuple:
    """What a look-up may change: the registry's own fields and each entity's, copied;
    not its bookkeeping. The vocabulary of the text it reads is compared as the same
    object: a restore goes back to the one read before."""
    own = {key: _copied(value) for key, value in vars(registry).items() if key not in _NOT_STATE}
    entities = {id(e): e for e in [*registry.entities, *registry._recent, *registry._mentions]}
    return own, [(e, _copied(vars(e))) for e in entities.values()]


def _copied(value):
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, (list, set)):
        return type(value)(_copied(item) for item in value)
    return value


def test_a_restored_checkpoint_undoes_every_trace_of_a_look_up():
    registry = Registry("Ellen Marsh spoke first. Then Marsh and Kari Voss met. She left.")
    marsh = registry.resolve("Ellen Marsh")
    registry.attributed(marsh, (0, 11))
    registry.spoke(marsh)
    before = _everything(registry)
    checkpoint = registry.checkpoint()
    # A look-up reads the text marked up, learns a spelling, a title, a new person and her
    # surname, a gender from a pronoun, an attribution's span, and the writer.
    registry.read("Ellen Marsh spoke first. Then Marsh and Kari Voss met. She left. ")
    registry.resolve("Ellen Marsch", "Mayor")
    registry.mention("Dr. Kari Voss")
    registry.attributed(registry.resolve("Voss"), (37, 41))
    registry.introduced(marsh, (30, 35), 50)
    registry.person_for_pronoun("she")
    registry.spoke(registry.writer())
    registry.restore(checkpoint)
    assert _everything(registry) == before
    assert registry.find("Voss") is None
    assert registry.mention_of(marsh, 0) == (0, 11)


def test_a_surname_a_restore_forgot_is_not_found_through_a_similar_spelling():
    # Which known surnames a spelling is like is cached by the surnames' count: after a
    # restore forgot one and another came, the count matched and the forgotten one came back.
    registry = Registry()
    registry.resolve("Ellen Marsh")
    checkpoint = registry.checkpoint()
    registry.resolve("Kari Lindqvist")
    assert registry.find("Lindquist") is not None
    registry.restore(checkpoint)
    registry.resolve("Ola Berg")
    assert registry.find("Lindquist") is None


def test_an_attribution_span_stays_with_its_entity_when_the_entity_is_dropped():
    # A described entity a look-up made can be dropped at once; a new one may then take its
    # memory, and must not inherit its attribution (the wide scope's output varied so).
    registry = Registry()
    for _ in range(50):
        registry.attributed(Entity("a spokesman", named=False), (10, 21))
        assert registry.mention_of(Entity("a spokeswoman", named=False), 0) is None


def test_a_quoted_phrase_is_attributed_by_a_said_and_name_that_close_its_sentence():
    # Only ', she said.' closed a sentence for the words quoted before it; with the cue
    # first, ', said Nadia Okafor, …', the quoted phrase was no quote at all.
    text = (
        "The port has used “velvet gloves” in its dealings with the city, said Nadia "
        "Okafor, an expert at the university."
    )
    quotes = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("mixed", "velvet gloves", "Nadia Okafor")
    ]


def test_according_to_before_quoted_words_names_their_source():
    # The source was looked for before 'According to', where there is none, so the
    # quoted words went to whoever spoke last in the article.
    text = (
        "“The port will reopen,” Mayor Tom Berg said on Monday.\n\n"
        "According to the harbour's own engineers, the new quay is “years from ready” "
        "and will need more money."
    )
    mixed = [q for q in extract_quotes(text) if q.kind == "mixed"]
    assert len(mixed) == 1, mixed
    assert text[mixed[0].speaker_start : mixed[0].speaker_end] == "the harbour's own engineers"


def test_a_titled_surname_before_of_is_the_person_not_the_place_of_work():
    # After 'Mr.' one word is the surname, and a surname that is also a title's word
    # ('King') after a first name or an initial stays a surname: the quotes had gone to
    # whoever spoke before.
    found = {
        phrase: [f.name for f in names_found(phrase)]
        for phrase in (
            "Mr. Lund of the Harbor Policy Institute",
            "Representative Ada T. King of Vermont",
            "Ms. King of Vermont",
        )
    }
    assert found == {
        "Mr. Lund of the Harbor Policy Institute": ["Lund"],
        "Representative Ada T. King of Vermont": ["Ada T. King"],
        "Ms. King of Vermont": ["King"],
    }
    text = (
        "Tom Voss opened the hearing. “There is no way to keep the ferries running,” "
        "said Mr. Lund of the Harbor Policy Institute."
    )
    assert extract_quotes(text)[0].speaker == "Lund"


def test_a_first_name_makes_a_company_name_a_persons_surname():
    # 'Bloomberg' alone is a news agency; 'Kari Bloomberg' was one too, whom 'she'
    # could not refer back to.
    text = "Kari Bloomberg spoke at the harbour on Monday. “The plan will fail,” she said."
    [quote] = extract_quotes(text)
    assert quote.speaker == "Kari Bloomberg"


def test_a_name_after_a_participle_of_saying_is_no_subject_for_a_pronoun():
    # Berg is whom Holt's words are about: 'he' is still Holt.
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt repeated the offer in a letter, saying Berg was welcome to reply. "
        "“I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Holt"


def test_a_name_before_because_is_no_subject_for_a_pronoun():
    # 'back Berg because …': Berg is the object of 'back', and 'he' is still Holt.
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt said he would still back Berg because the harbour needs him. "
        "“I am a loyal man,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Holt"


def test_a_name_opening_a_clause_after_unless_is_no_subject_for_a_pronoun():
    # Berg leads only the condition: the sentence's subject, and 'he', is still Holt.
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt said the pier would stay shut unless Berg pays the harbour fee. "
        "“I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Holt"


def test_a_one_word_organisation_ending_like_an_adjective_may_speak():
    # '-ican' makes 'American' an adjective, never the Vatican one.
    quotes = extract_quotes("The Vatican said the pope would not travel to Vestby this spring.")
    assert [q.speaker for q in quotes] == ["Vatican"]


def test_an_organisation_that_opens_with_a_word_ending_like_a_role_keeps_it():
    # 'Department' and 'Center' end like 'President' and 'Speaker' but are no role.
    for text, name in (
        (
            "The Department of Harbour Safety said the pier was unsafe.",
            "Department of Harbour Safety",
        ),
        ("The Center for Fjord Studies said the pier was unsafe.", "Center for Fjord Studies"),
    ):
        assert [q.speaker for q in extract_quotes(text)] == [name]


def test_an_organisation_named_after_a_party_may_speak():
    # 'Democratic' alone is no speaker ('Democratic leaders'), a party's committee is.
    text = "The Democratic Harbour Council said the pier was unsafe."
    assert [q.speaker for q in extract_quotes(text)] == ["Democratic Harbour Council"]


def test_a_name_after_a_plural_verb_of_saying_is_no_subject_for_a_pronoun():
    text = (
        "Tom Holt spoke to the Vestby council on Monday. Erik Berg owns the Ledger.\n\n"
        "Holt spoke for an hour. Aides suggest Berg will sell the paper soon. "
        "“I will not be silenced,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Tom Holt"


def test_an_institution_is_an_organisation_and_no_one_for_he():
    # 'the Vestby Institution' had been a person a later 'he' could mean.
    assert names.is_org("Vestby Institution")
    text = (
        "Per Lund, a fellow at the Vestby Institution, says the pier is unsafe. "
        "“It will not last the winter,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Per Lund"
