"""Shapes of attribution that real news uses and the engine once got wrong: each test
fails with the rules as they were before its fix (issue 14). The sentences are ours,
written in the style of the wire copy the failures came from."""

import pytest

from articles.extraction import extract_quotes, marks
from articles.extraction.names import names_in_prose

_APPOSITION = (
    "But Ingrid Solberg, senior adviser for school planning at the Northern Institute "
    "for Education, said parents still want neighbourhood schools."
)


def _only(text):
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _content_and_speaker(text):
    quote = _only(text)
    return quote.text, quote.speaker or quote.speaker_description


def test_a_long_apposition_before_said_keeps_speaker_and_content_apart():
    # The words after 'said' once became the speaker and the subject the content.
    assert _content_and_speaker(_APPOSITION) == (
        "parents still want neighbourhood schools",
        "Ingrid Solberg",
    )


def test_a_clause_then_said_and_an_unnamed_source_is_not_swapped():
    # Guards the fix above: a subject deep in the sentence is no subject of 'said'.
    text = (
        "The budget did not go down well with the unions, and the meeting soured, "
        "said one council source in the room."
    )
    quote = _only(text)
    assert quote.text.startswith("The budget did not go down well")
    assert quote.speaker is None
    assert "council source" in quote.speaker_description


def test_plural_subjects_with_a_base_form_verb():
    content, speaker = _content_and_speaker(
        "But many Conservatives say the mayor's lead hides worries about turnout."
    )
    assert content == "the mayor's lead hides worries about turnout"
    assert speaker == "Conservatives"


def test_a_party_and_state_in_parentheses_ends_no_sentence():
    content, speaker = _content_and_speaker(
        "Rep. Alma Frost (D-Ore.) said the rule does not require witnesses to appear in person."
    )
    assert speaker == "Alma Frost"
    assert content == "the rule does not require witnesses to appear in person"


def test_a_pronoun_right_after_the_cue_opens_a_clause():
    text = "Tove Brenna chairs the harbour board. Her deputies say she’ll stay until spring."
    assert [q.text for q in extract_quotes(text)] == ["she’ll stay until spring"]


def test_a_name_and_a_verb_right_after_the_cue_open_a_clause():
    text = "Local observers say Haugen deserves a second term as chair."
    assert [q.text for q in extract_quotes(text)] == ["Haugen deserves a second term as chair"]


def test_told_an_audience_that_starts_the_clause_after_that():
    content, speaker = _content_and_speaker(
        "Lindqvist told the dinner audience that she believes the tunnel must be built."
    )
    assert content == "she believes the tunnel must be built"
    assert speaker == "Lindqvist"


def test_a_clause_then_the_speaker_said_in_a_report():
    content, speaker = _content_and_speaker(
        "Electricity prices in the north rose by a fifth, the agency said in a June report."
    )
    assert content == "Electricity prices in the north rose by a fifth"
    assert speaker == "the agency"


def test_an_honorific_makes_a_title_word_a_surname():
    quote = _only("Mr. King said that he was not familiar with the harbour plan at all.")
    assert quote.speaker == "King"


def test_a_capitalised_group_is_an_unnamed_speaker():
    quote = _only("Republicans said the timing of the hearing was not an accident.")
    assert quote.speaker is None
    assert quote.speaker_description == "Republicans"


def test_a_straight_mark_closed_by_a_curly_one_is_one_quote():
    text = (
        '"The quay is falling apart,” said Ola Berg, a harbour engineer. '
        "“Nobody wants to pay for it.”"
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["The quay is falling apart", "Nobody wants to pay for it."]
    assert {q.speaker for q in quotes} == {"Ola Berg"}


def test_a_single_quote_inside_a_double_one_then_a_space_closes_both():
    text = "\"We were never told about the 'temporary closure,' \" he told the meeting."
    (quote,) = extract_quotes(text)
    assert quote.text == "We were never told about the 'temporary closure,'"


def test_a_show_after_its_owner_and_a_book_after_its_kind_are_titles():
    text = (
        '"The ferry will run," Lund said on NRK’s "Politics Tonight."\n\n'
        'In her 2015 memoir, "Salt and Stone," Lund wrote about the strike.'
    )
    assert [q.text for q in extract_quotes(text)] == ["The ferry will run"]


def test_a_stage_direction_in_a_transcript_is_no_quote():
    assert extract_quotes('"(CROSSTALK.)"') == []


def test_a_role_after_a_titled_name_is_that_person():
    text = (
        "Governor Ellen Vik of Nordland opened the bridge on Friday.\n\n"
        "The governor said the old ferry would stop in May."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ellen Vik"
    assert text[quote.speaker_start : quote.speaker_end] == "The governor"


def test_a_second_verb_after_and_has_the_sentence_subject():
    text = "Senator Ruud urged voters to stay calm and said he was standing by the harbour plan."
    said = [q for q in extract_quotes(text) if text[q.cue_start : q.cue_end] == "said"]
    assert [(q.text, q.speaker) for q in said] == [("he was standing by the harbour plan", "Ruud")]


def test_two_coordinated_cues_give_two_contents_that_do_not_nest():
    text = "Lund said the count was flawed and added that he would not accept the result."
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("the count was flawed", "Lund"),
        ("he would not accept the result", "Lund"),
    ]


def test_a_month_after_a_first_name_is_a_surname():
    text = "Prime Minister Theresa May said this week that the talks would resume in June."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Theresa May"
    assert quote.text == "the talks would resume in June"


def test_a_transcript_turn_in_quotation_marks_is_its_labels_speaker():
    text = (
        "Host Karin Dahl asked Mayor Odd Berntsen about the tolls on Sunday.\n\n"
        '"DAHL: Mayor, will the tolls go up next year?"\n\n'
        '"BERNTSEN: Well, look, nobody wants higher tolls, but the quay is crumbling."'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.text) == ("Karin Dahl", "Mayor, will the tolls go up next year?")
    assert second.speaker == "Odd Berntsen"
    assert text[second.speaker_start : second.speaker_end] == "BERNTSEN"
    assert second.text.startswith("Well, look, nobody wants higher tolls")


def test_an_empty_it_before_a_form_of_be_is_nobody_who_speaks():
    text = (
        "The Coastal Authority published its winter plan on Monday.\n\n"
        "Harbour chief Tove Lind believes that it is obvious that the quay must close."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tove Lind", "it is obvious that the quay must close")
    ]


def test_a_speaker_after_the_quote_may_open_with_a_word_in_lower_case():
    text = (
        "The aide will invoke his Fifth Amendment rights.\n\n"
        '"Summonses are not a suggestion," panel Chairman Rep. Odd Berntsen (R-Utah) said.\n\n'
        '"We cannot run empty boats," former Mayor Tove Lind said on Monday.'
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Odd Berntsen", "Summonses are not a suggestion"),
        ("Tove Lind", "We cannot run empty boats"),
    ]


def test_the_subject_after_an_opening_phrase_calls_the_quote_what_it_is():
    for opening in ("After a long meeting", "Following a hastily called, late-evening meeting"):
        text = (
            f"{opening}, the Harbour Board issued a statement calling the closure "
            '"a clear breach of the agreement."'
        )
        (quote,) = extract_quotes(text)
        assert (quote.speaker, quote.kind) == ("Harbour Board", "mixed"), opening
        assert text[quote.cue_start : quote.cue_end] == "calling"


def test_a_country_right_before_its_verb_speaks_for_its_government():
    text = (
        "Norway said on Monday that the border would stay closed.\n\n"
        "The latest test, Sweden said, was its largest so far.\n\n"
        "In Ohio, Tove Lind said the quay would reopen.\n\n"
        "Lind has studied Norway and Sweden for years. She believes the ferries will return."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Norway", "the border would stay closed"),
        ("Sweden", "The latest test"),
        ("Sweden", "was its largest so far"),
        ("Tove Lind", "the quay would reopen"),
        ("Tove Lind", "the ferries will return"),
    ]


def test_a_signature_after_a_quote_names_its_speaker_not_the_next_ones():
    # Vox-pop lists sign each quote with a dash and a name; the name once went to the
    # quote after it, as the nearest name before an unattributed quote.
    text = (
        "Ferry passengers on the new timetable.\n\n"
        "“The morning boat leaves before the buses arrive.” ― Ann Lee\n"
        "“Nobody asked the islanders about any of this.” ― Bob P. Marsh.\n\n"
        "“We pay more and wait longer.”— Carl Ortiz, 41, Tromsø\n"
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes] == [
        ("Ann Lee", "Ann Lee"),
        ("Bob P. Marsh", "Bob P. Marsh"),
        ("Carl Ortiz", "Carl Ortiz"),
    ]


def test_a_transcript_turn_names_a_host_the_article_never_named_in_full():
    text = (
        "The minister spoke to the host on Sunday. Partial transcript:\n\n"
        '"BERG: Will the ferry run on Monday?\n\n'
        '"MOEN: Yes, the ferry will run on Monday, Kari.\n\n'
        '"BREAKING: Storm warning for the coast.\n'
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text) for q in quotes][:2] == [
        ("Berg", "Will the ferry run on Monday?"),
        ("Moen", "Yes, the ferry will run on Monday, Kari."),
    ]
    assert all(q.speaker != "Breaking" for q in quotes)


def test_quoted_words_that_run_on_before_she_said_are_hers():
    text = (
        "Senator Kari Moen questioned the bank's chief on Tuesday.\n\n"
        "“The only way banks will change is if bosses face jail time” for fraud, she said.\n"
    )
    (quote,) = extract_quotes(text)
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Kari Moen", "she")


def test_a_participle_after_a_comma_takes_the_sentences_subject():
    text = (
        "The Coastal Party is filing a complaint with the board, claiming that the "
        "harbour master had a conflict of interest."
    )
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.text) == (
        "Coastal Party",
        "the harbour master had a conflict of interest",
    )


def test_a_participle_after_a_cue_is_no_content_of_that_cue():
    # 'recalled, suggesting …' once gave two nested quotes, one opening with 'suggesting'.
    text = "“He was at the top of his game,” Rendell recalled, suggesting the debate was won."
    quotes = extract_quotes(text)
    assert not any(q.text.startswith("suggesting") for q in quotes), quotes


def test_a_time_between_subject_and_cue_is_skipped():
    text = (
        "Harbour Bank chief Ola Nord spoke on Monday.\n\n"
        "Harbour Bank just this month announced it would end the bonuses.\n\n"
        "Nord on Tuesday said that the bank would pay the fines."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Harbour Bank", "it would end the bonuses"),
        ("Ola Nord", "the bank would pay the fines"),
    ]


def test_a_middle_initial_is_part_of_the_name():
    text = (
        '"It is very smart," said Representative Charles B. Rangel of New York.\n\n'
        '"The law is clear," said Ronald R. Fieldstone, a lawyer in Bergen.'
    )
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["Charles B. Rangel", "Ronald R. Fieldstone"]


def test_a_content_ends_where_a_participles_clause_begins():
    text = (
        "Sen. Kari Moen (R-Ore.) said she did not believe the ads cost them the race, "
        "arguing that it was the split in the party that hurt them."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "she did not believe the ads cost them the race",
        "it was the split in the party that hurt them",
    ]


def test_the_described_subject_right_before_the_cue_speaks_not_a_name_before_it():
    # The last name in the sentence's lead once took the words of the unions after it.
    text = (
        "Farm minister Siri Dahl defended the reform in Bodø, and the farmers’ unions "
        "called it “a betrayal of the whole north”."
    )
    quote = _only(text)
    assert quote.speaker != "Siri Dahl"
    assert "farmers’ unions" in quote.speaker_description
    assert text[quote.speaker_start : quote.speaker_end] == "the farmers’ unions"


def test_a_role_phrase_before_the_cue_of_a_mixed_quote_is_its_speaker():
    text = (
        "Senator Kari Voll toured the mill on Monday with its owner, Lars Eng.\n\n"
        "“We need orders,” Eng said.\n\n"
        "The senator said the tariffs were “a disaster for the valley”."
    )
    quote = extract_quotes(text)[-1]
    assert quote.speaker == "Kari Voll"
    assert text[quote.speaker_start : quote.speaker_end] == "The senator"


def test_the_role_of_an_abbreviated_title_refers_back_to_its_holder():
    # 'Sen.' once did not make its holder 'the senator', nor 'Rep.' 'the congressman'.
    text = (
        "Sen. Kari Voll and Rep. Nils Eng toured the mill on Monday.\n\n"
        "The senator said the tariffs would ruin the valley.\n\n"
        "The congressman said the mill would need new orders by spring."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Kari Voll", "Nils Eng"]


def test_when_it_was_said_and_a_comma_end_the_attribution_after_a_clause():
    # The words after the time's comma were once taken for what was said.
    text = (
        "The new toll is an insult to every fisherman on the coast, harbour leaders said "
        "Friday afternoon, as they gathered outside the town hall in Vardø.\n\n"
        "Cargo traffic fell by a fifth, the port authority said in its June report, and "
        "the ferries carried fewer cars than in any year since 1990."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "The new toll is an insult to every fisherman on the coast",
        "Cargo traffic fell by a fifth",
    ]


def test_a_short_lead_broken_off_by_its_attribution_is_content_too():
    # A lead of fewer than three words was once left out; a leading 'And' still is.
    text = (
        "The tunnel, Mayor Siv Lunde said, would open the valley to the coast.\n\n"
        "And perhaps, she said, it would bring the young people back."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "The tunnel",
        "would open the valley to the coast",
        "perhaps",
        "it would bring the young people back",
    ]


def test_a_content_ends_before_another_subject_and_its_cue():
    # A content once ran on over ', and <subject> warned …' and '— and he noted …'.
    text = (
        "Minister Siri Dahl insisted that the reform was working, and dairy farmers "
        "warned that the north was losing its dairies.\n\n"
        "Dahl said the budget talks would be harder this year — and she noted that any "
        "cut would come after the election."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "the reform was working",
        "the north was losing its dairies",
        "the budget talks would be harder this year",
        "any cut would come after the election",
    ]


def test_a_cue_after_but_has_the_sentences_subject():
    text = (
        "Her advisers say it is too early to talk about a run for governor but noted "
        "that Lunde won two hard races in the valley."
    )
    quote = extract_quotes(text)[-1]
    assert quote.text == "Lunde won two hard races in the valley"
    assert quote.speaker_description == "Her advisers"


def test_a_plural_possessive_is_part_of_the_subject():
    # The apostrophe of 'farmers’' once cut the subject to 'unions'.
    text = (
        "Minister Siri Dahl insisted that the reform was working, and the farmers’ "
        "unions warned that the north was losing its dairies."
    )
    quote = extract_quotes(text)[-1]
    assert text[quote.speaker_start : quote.speaker_end] == "the farmers’ unions"


def test_a_call_for_something_is_what_its_subject_asks():
    text = (
        "Mayor Siv Lunde has called for a full review of the ferry tolls.\n\n"
        "The fishermen’s union called on the county to keep the night ferry.\n\n"
        "Lunde called on Monday to congratulate the crew."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text)] == [
        ("Siv Lunde", "a full review of the ferry tolls"),
        (None, "the county to keep the night ferry"),
    ]


def test_a_noun_in_ly_is_no_adverb_before_the_cue():
    # 'family' was once skipped as an adverb, leaving 'Her' as the subject.
    quote = _only("Her family said the council must release the videos.")
    assert quote.speaker_description == "Her family"


def test_quoted_words_that_label_an_object_after_as_are_the_subjects():
    # A cue far from the marks once made these scare quotes.
    text = (
        "Former premier Ola Haugen criticized the new harbour toll as a “coastal tax” "
        "at a rally in Vardø."
    )
    quote = _only(text)
    assert (quote.text, quote.speaker, quote.kind) == ("coastal tax", "Ola Haugen", "mixed")


def test_a_semicolon_ends_a_reported_clause():
    text = (
        "The Nordic Budget Institute estimates that the toll would raise 40 million "
        "kroner a year; the harbour board puts the figure far lower.\n\n"
        "Analyst Eva Strand believes the ferry will close; the county has other plans."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "the toll would raise 40 million kroner a year",
        "the ferry will close",
    ]


def test_what_is_cited_as_a_reason_is_the_subjects():
    text = (
        "The court in Vardø stopped the sale of the quay, citing a risk to the harbour "
        "workers.\n\n"
        "Mayor Siv Lunde cited complaints from the fishermen, who had waited a year."
    )
    assert [(q.text, q.speaker or q.speaker_description) for q in extract_quotes(text)] == [
        ("a risk to the harbour workers", "The court"),
        ("complaints from the fishermen", "Siv Lunde"),
    ]


def test_an_organisation_noun_after_its_qualifier_is_part_of_the_subject():
    # 'The harbour board voted …, saying': the subject once stopped at 'The harbour'.
    text = "The harbour board voted to raise the tolls, saying the quay needed repairs."
    quote = _only(text)
    assert text[quote.speaker_start : quote.speaker_end] == "The harbour board"


def test_a_long_relative_clause_between_subject_and_cue_is_skipped():
    text = (
        "Former mayor Ed Lunde, who led the harbour board during the 2010 election, agreed "
        "that the toll rules should be changed.\n\n"
        "Voll, 56, who has served on the council for a decade, said the plan was dead."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ed Lunde", "Voll"]


def test_where_it_was_said_with_commas_then_that_opens_the_clause():
    text = (
        "Lunde says at a campaign stop in Tromsø, Norway, that the toll means the north "
        "pays for the south."
    )
    assert _content_and_speaker(text) == ("the toll means the north pays for the south", "Lunde")


def test_a_participle_after_a_closing_attribution_is_that_speakers():
    # The participle once took the sentence's first words, 'The ferry', as its subject.
    text = (
        "The night ferry will stop in May, the county said on Monday, citing falling "
        "traffic on the coast."
    )
    assert [(q.text, q.speaker_description) for q in extract_quotes(text)] == [
        ("The night ferry will stop in May", "the county"),
        ("falling traffic on the coast", "the county"),
    ]


def test_the_writers_i_and_my_family_are_speakers_of_their_own():
    # A column's 'I' once became the last person named, and 'my father' no one.
    text = (
        "Lars Eng ran the mill in our valley for thirty years.\n\n"
        "I think the mill will survive the winter.\n\n"
        "“We live on borrowed time,” my father often said."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.speaker_description) for q in quotes] == [
        (None, "I"),
        (None, "my father"),
    ]


def test_a_middle_initial_after_a_closing_said_is_part_of_the_name():
    text = "The ferry ran at a loss for years, said Jens N. Tromsdal, a senior official."
    assert _content_and_speaker(text) == ("The ferry ran at a loss for years", "Jens N. Tromsdal")


def test_a_headlines_name_and_colon_attribute_quoted_words_too():
    text = "Lunde: Harbour Toll Will ‘Ruin’ the Coast.\n\nMayor Siv Lunde spoke on Monday in Vardø."
    assert [(q.text, q.kind) for q in extract_quotes(text)] == [
        ("Harbour Toll Will ‘Ruin’ the Coast", "indirect")
    ]


def test_a_speech_verb_before_a_name_is_no_part_of_it():
    # 'Said Lunde: “…”' once made a person called 'Said Lunde'.
    text = "Mayor Siv Lunde spoke on Monday in Vardø.\n\nSaid Lunde: “We will fight it.”"
    quote = _only(text)
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Siv Lunde", "Lunde")


def test_a_newspapers_note_before_a_colon_is_no_speaker():
    text = "Correction: An earlier version of this article gave the wrong date for the vote."
    assert extract_quotes(text) == []


def test_a_live_blogs_label_before_a_colon_is_no_speaker():
    # 'The Latest: …' heads a wire service's running story; the speaker, if any, is
    # the subject of the headline's own verb, not a person called 'Latest'.
    text = "The Latest: Dock workers say the harbour toll will ruin them\n\nThe toll starts in May."
    assert _content_and_speaker(text) == ("the harbour toll will ruin them", "Dock workers")


def test_a_relatives_gender_comes_from_her_first_name_not_the_shared_surname():
    # The pronouns after 'Haug' (mostly his) once made Torvei Haug a man, and 'she' no one.
    text = (
        "Police shot Arne Haug on Tuesday. Haug was sitting in his car when he was shot. "
        "Haug had no gun, he was told. Haug was 43.\n\n"
        "Torvei Haug can be heard yelling to the officers that her husband was unarmed.\n\n"
        "“Do not shoot him,” she says."
    )
    quote = _only(text)
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Torvei Haug", "she")


def test_a_day_and_when_after_the_cue_are_not_what_was_said():
    text = "“We must act now,” Prime Minister Eva Dahl said Friday as she entered the talks."
    assert [q.text for q in extract_quotes(text)] == ["We must act now"]


def test_a_bare_day_after_the_cue_is_no_part_of_the_clause():
    text = "Eva Dahl said Friday the talks would fail.\n\nLars Eng said Monday is too late."
    assert [q.text for q in extract_quotes(text)] == ["the talks would fail", "Monday is too late"]


def test_a_pronoun_after_a_place_and_its_comma_is_the_subject_not_an_apposition():
    # ', she' once read as an apposition of 'Finance Ministry', which then spoke.
    text = (
        "Kari Lunde agreed to an interview. When she is looking to fill a post at the "
        "Finance Ministry, she said she makes sure women are among the candidates."
    )
    assert _content_and_speaker(text) == (
        "she makes sure women are among the candidates",
        "Kari Lunde",
    )


def test_a_second_verb_after_and_has_the_first_ones_subject_not_its_object():
    # The bank named between the two verbs once spoke the second quote.
    text = (
        "Astrid Holm was more careful than her colleagues. Though she called Nordbank’s "
        "conduct “shameful” and called for bonuses to be “clawed back” for the managers, "
        "Holm kept quiet about breaking up banks."
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes][-1] == ("clawed back", "Astrid Holm")


def test_a_closing_mark_typed_to_open_a_quote_opens_it():
    # '”' where '“' belongs once left the quote unseen, with its dash or cue.
    text = (
        "Voters in Alta had their say.\n\n"
        "”Fear. I am truly afraid that Lars Eng will win. He has spread hate.” ― Ana Ruiz\n\n"
        "” … she spoke with a calm that Olav Moe himself might have admired,” Siri Dahl wrote."
    )
    assert [(q.text[:8], q.speaker) for q in extract_quotes(text)] == [
        ("Fear. I ", "Ana Ruiz"),
        ("… she sp", "Siri Dahl"),
    ]


def test_who_after_a_described_person_is_that_person():
    # A 'who' with no name before it once left the clause without speaker or mention.
    text = (
        "Eng refused to pay an architect who said he was cheated after he designed a "
        "clubhouse at one of the hotels.\n\n"
        "There are some economists who argue that corporate taxes should be very low."
    )
    quotes = extract_quotes(text)
    assert [q.speaker_description for q in quotes] == ["an architect", "some economists"]
    # The mention runs from the description through the relative that stands for it.
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == [
        "an architect who",
        "some economists who",
    ]


def test_a_short_capitalised_sentence_quoted_after_a_quote_is_more_speech_not_a_title():
    # Alone in its sentence, 'We’re Norway.' once read as a title, as at a paragraph's start.
    text = "“We must remember our history,” Prime Minister Eva Dahl added. “We’re Norway.”"
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("We must remember our history", "Eva Dahl"),
        ("We’re Norway.", "Eva Dahl"),
    ]


def test_two_names_either_side_of_a_quote_are_two_people():
    # 'Holm' and 'Lunde' once ran together across the blanked quote into 'Holm Lunde'.
    text = 'Kari Holm and Per Lunde met on Monday. Holm "got an immunity deal," Lunde said.'
    assert _content_and_speaker(text) == ("got an immunity deal", "Per Lunde")


def test_a_nickname_in_marks_stays_inside_the_name():
    # Guards the fix above: a quoted nickname still joins the name around it.
    text = 'Her niece, state Del. Marta "Tia" Berg, spoke first.'
    segment = marks.segments(text, 0, len(text))[0]
    found = names_in_prose(text, 0, len(text), [(segment.open, segment.close + 1)])
    assert "Marta Berg" in [name for _, name in found]


def test_quoted_words_either_side_of_their_attribution_are_two_quotes():
    # They once joined into one quote that held its own attribution.
    text = (
        'Kari Holm and Per Lunde met on Monday. Holm "got an immunity deal," Lunde said, '
        'and still "got to sit in on the interview."'
    )
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("got an immunity deal", "Per Lunde"),
        ("got to sit in on the interview.", "Per Lunde"),
    ]


def test_a_name_after_a_mixed_quote_ending_its_sentence_opens_the_next_one():
    # The next sentence's subject once took the quoted words before it.
    text = (
        "Prime Minister Siri Dahl accused Eng of “fanatic recklessness.” President Kari "
        "Holm said the test was a provocation."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("fanatic recklessness.", "Siri Dahl"),
        ("the test was a provocation", "Kari Holm"),
    ]


def test_a_quote_after_a_title_that_ends_the_sentence_before_it_is_that_speakers():
    # The title's closing mark once made a lead of the next quote, which then needed a cue.
    text = (
        "“He is right,” Lunde, a close Eng ally, said Thursday on NRK’s “Good Morning "
        "Norway.” “I mean, there is a lot of anger within the ranks.”"
    )
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("He is right", "Lunde"),
        ("I mean, there is a lot of anger within the ranks.", "Lunde"),
    ]


_URGED = "Mayor Kari Lunde urged residents to keep pressing the county council."


def test_the_rules_take_no_content_after_a_cue_without_a_clause():
    # Our guidelines' indirect quote is a reported clause; PolNeAR's wider sense (what is
    # urged, questioned or defended) is no quote here.
    assert extract_quotes(_URGED) == []


def test_a_clause_cut_at_but_before_another_cue_of_its_speaker_is_kept():
    text = (
        "Police Chief Tomas Ortiz met reporters on Friday.\n\nOrtiz later told NRK that the "
        "photo was not taken from an angle that would show a knife, but he said neighbours "
        "saw a knife."
    )
    assert [(q.text, q.speaker, text[q.cue_start : q.cue_end]) for q in extract_quotes(text)] == [
        ("the photo was not taken from an angle that would show a knife", "Tomas Ortiz", "told"),
        ("neighbours saw a knife", "Tomas Ortiz", "said"),
    ]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Lunde repeatedly said that the ferry would run all winter.", "said"),
        ("Lunde later wrote that the ferry would run all winter.", "wrote"),
        ("Lunde publicly insisted that the ferry would run all winter.", "insisted"),
        ("Lunde has often said that the ferry would run all winter.", "said"),
        ("Lunde recently told the council that the ferry would run all winter.", "told"),
    ],
)
def test_an_adverb_before_the_cue_is_not_part_of_it(sentence, cue):
    text = "Mayor Kari Lunde opened the new quay on Monday.\n\n" + sentence
    assert [(q.text, q.speaker, text[q.cue_start : q.cue_end]) for q in extract_quotes(text)] == [
        ("the ferry would run all winter", "Kari Lunde", cue)
    ]


def test_agreed_that_then_but_he_said_gives_two_contents():
    text = (
        "Per Lund, who led the party during the 2009 election, agreed that the nomination "
        "rules should be changed, but he said that debate should wait until after the vote."
    )
    assert [q.text for q in extract_quotes(text)] == [
        "the nomination rules should be changed",
        "debate should wait until after the vote",
    ]


def test_a_reported_question_after_a_cue_is_its_content():
    text = "Mayor Kari Lunde questioned whether the county could afford a second ferry."
    quote = _only(text)
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "whether the county could afford a second ferry",
        "Kari Lunde",
    )
    assert text[quote.cue_start : quote.cue_end] == "questioned"


def test_a_question_after_it_s_unclear_is_nobody_s():
    assert extract_quotes("It's unclear whether the county can afford a second ferry.") == []


def test_a_participle_of_a_verb_of_saying_takes_a_clause_without_that():
    text = (
        "Harbour chief Per Dahl defended the tolls, explaining the port had lost money for "
        "six years."
    )
    quote = _only(text)
    assert (quote.text, quote.speaker, text[quote.cue_start : quote.cue_end]) == (
        "the port had lost money for six years",
        "Per Dahl",
        "explaining",
    )


def test_an_attributing_word_the_model_doubts_counts_before_a_pronoun_and_verb():
    text = "Some of the shop owners fear they will have to close before the summer."
    quote = _only(text)
    assert (quote.text, text[quote.cue_start : quote.cue_end]) == (
        "they will have to close before the summer",
        "fear",
    )


def test_an_aside_between_commas_before_that_is_no_part_of_the_content():
    text = (
        "Mayor Kari Lunde has continued to insist, most recently in an interview with NRK on "
        "Monday, that the ferry would keep running."
    )
    quote = _only(text)
    assert (quote.text, quote.speaker) == ("the ferry would keep running", "Kari Lunde")
    text = "The ministry said, in a letter to the harbour board, that the tolls would double."
    assert _only(text).text == "the tolls would double"


def _speaker_of(text, words):
    quote = next(q for q in extract_quotes(text) if words in q.text)
    return quote.speaker


def test_a_name_met_after_a_preposition_does_not_take_the_pronoun():
    # A person first named in passing ('backers of Per Lunde') once became the sentence's
    # subject, and the 'he' of the next attribution.
    text = (
        "Dag Holmvik, a former party secretary, wants a plan ready. A new contest would be "
        "bitter and could bring lobbying by backers of Ola Brenne and Per Lunde. That is "
        "why, he argued, the party must prepare now."
    )
    assert _speaker_of(text, "must prepare") == "Dag Holmvik"


def test_a_name_in_apposition_before_its_verb_is_the_subject_a_pronoun_means():
    # Guards the fix above: 'The owner of the bakery, Tor Vik, is' makes Tor Vik salient.
    text = (
        "Mayor Ola Brenne said the road would open in May.\n\n"
        "The owner of the corner bakery, Tor Vik, is less patient.\n\n"
        "“We lose customers every single week,” he said."
    )
    assert _speaker_of(text, "customers") == "Tor Vik"


def test_a_possessive_inside_a_sentence_does_not_take_the_pronoun():
    # 'Lind praised Holm’s speech' once made Holm the subject, and the 'he' after it his.
    text = (
        "Commentator Erik Lind watched Per Holm speak from the studio. Lind then praised "
        "Holm’s speech at length.\n\n"
        "“I thought he was very good tonight,” he said."
    )
    assert _speaker_of(text, "very good") == "Erik Lind"


def test_the_subject_of_what_someone_said_does_not_take_the_pronoun():
    # 'Dahl said Berg had driven …': Berg is the subject of Dahl's words, not the sentence.
    text = (
        "Tore Dahl played for Arne Berg for four seasons. Dahl said Berg had driven "
        "through the night to see his mother in hospital.\n\n"
        "“He was tough on us,” he said."
    )
    assert _speaker_of(text, "tough on us") == "Tore Dahl"


def test_a_share_of_people_is_an_unnamed_speaker():
    # 'Fourteen percent said …' once had no speaker at all.
    quote = _only("Fourteen percent said they had not yet decided how to vote.")
    assert quote.text == "they had not yet decided how to vote"
    assert quote.speaker is None
    assert quote.speaker_description == "Fourteen percent"


def test_a_subject_joined_by_and_is_read_whole():
    # 'Experts on shipping and harbour law said': the 'and' once cut the subject to
    # 'harbour law', which names no one.
    quote = _only("Experts on shipping and harbour law said the new toll could break the treaty.")
    assert quote.text == "the new toll could break the treaty"
    assert quote.speaker_description.startswith("Experts")


def test_a_possessive_that_owns_a_longer_phrase_is_not_the_speaker():
    # 'Holm said Lunde’s flurry of tweets was “…”': the quoted words once went to Lunde.
    text = (
        "Harbour director Kari Holm said Per Lunde’s flurry of late-night tweets attacking "
        "the board was “unhinged, even for him.”"
    )
    quote = next(q for q in extract_quotes(text) if "unhinged" in q.text)
    assert quote.speaker == "Kari Holm"


def test_a_party_and_state_label_is_never_the_speaker():
    # '(R-Wis.)' after a name once became the speaker of the quoted words after it.
    text = (
        "On Sunday, Harbour Speaker Jon D. Dahl (R-Wis.) said the closures demand that all "
        'residents engage in "more listening" and "more learning."'
    )
    quote = next(q for q in extract_quotes(text) if "more listening" in q.text)
    assert quote.speaker == "Jon D. Dahl"


def test_a_speech_word_used_as_a_noun_is_not_the_cue_of_a_mixed_quote():
    # 'tweets' after 'Lunde’s early-morning' is a noun: the quote is hers, cued by 'says'.
    text = (
        "Mayor Kari Holm spoke to reporters on Friday. She says Per Lunde’s early-morning "
        "tweets accusing the council of fraud are “lies and conspiracy theories.”"
    )
    quote = next(q for q in extract_quotes(text) if "conspiracy" in q.text)
    assert quote.speaker == "Kari Holm"
    assert text[quote.cue_start : quote.cue_end] == "says"


def test_polls_that_open_a_sentence_are_an_unnamed_speaker():
    # 'Polls show that …' once had no speaker: the capital hid the plural noun.
    quote = _only("Polls show that few voters see the harbour as a priority.")
    assert quote.text == "few voters see the harbour as a priority"
    assert quote.speaker is None
    assert quote.speaker_description == "Polls"


def test_a_lone_first_name_keeps_its_gender_whatever_pronoun_follows():
    # '…,” she said, but Tom was asleep' once made Tom a woman, and the next quote his.
    text = (
        "Kari Holm watched the debate at home with her husband.\n\n"
        "“Here he comes,” she said, but Tom was asleep again.\n\n"
        "“You winning?” she said."
    )
    assert _speaker_of(text, "You winning") == "Kari Holm"


def test_a_she_with_no_woman_named_is_an_unnamed_speaker_at_her_pronoun():
    # '…,” she said' with only a man named before once lost its speaker and mention.
    text = (
        "The harbour plan was drawn up in the office of Mayor Per Lund.\n\n"
        "“We will not close the pier this winter,” she said."
    )
    quote = _only(text)
    assert quote.speaker is None
    assert text[quote.speaker_start : quote.speaker_end] == "she"
