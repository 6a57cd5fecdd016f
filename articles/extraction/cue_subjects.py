"""Who is the subject before a cue: the phrase back to its clause boundary ('Trump has
also repeatedly denied'), past asides, relative clauses and an opening participle, or the
speaker of a quotation before it.

One question, read from the tokens and the registry; around_cues.py and the wide scope's
hand-off (handoff.py) ask it for each cue.
"""

from __future__ import annotations

from articles.extraction import cues
from articles.extraction.aside_openings import (
    before_relative_clause,
    bracket_opening,
    dash_aside_opening,
)
from articles.extraction.aside_subjects import subject_before_aside
from articles.extraction.clause_shapes import (
    BOUNDARY_WORDS,
    RELATIVE_SUBJECTS,
    TIMES,
    WH_RELATIVES,
    Token,
    adverb,
    participle,
    skip_auxiliaries,
)
from articles.extraction.descriptions import is_plural
from articles.extraction.gap_subjects import described_group
from articles.extraction.long_appositions import name_before_apposition
from articles.extraction.patterns import SAYING_VERBS
from articles.extraction.phrases import subject_length
from articles.extraction.registry import Registry
from articles.extraction.relative_adjuncts import relative_across, relative_before_participle
from articles.extraction.relative_subjects import described_before_relative
from articles.extraction.sentence_openings import (
    DASHES,
    OPENING_ADVERBS,
    OPENING_CONJUNCTIONS,
    OPENING_PRONOUN_TOKENS,
    OPENING_TOKENS,
    OPENING_WORDS,
    TIME_NOUNS,
    dateline_end,
    opening_participle,
)
from articles.extraction.speakers import Speaker, speaker_in

# The marks that end a subject phrase, as clause_shapes.BOUNDARY_WORDS do.
_BOUNDARY_MARKS = frozenset(',;:()[]—–-"“”‘’')


DETERMINERS = frozenset("a an the his her its their this that our".split())


# Pronouns that can carry one long predicate to a cue ('He went out of his way to say');
# 'it' and 'I' open too many sentences that attribute nothing.
_SUBJECT_PRONOUNS = frozenset("he she they we".split())
# A speaker named by a pronoun, for the gate: any subject pronoun.
PRONOUNS = _SUBJECT_PRONOUNS | {"i", "it"}


def subject_before(registry: Registry, text: str, sentence: list[Token], first: int) -> Speaker:
    """The subject of the cue at ``first``: the phrase back to a clause boundary, with an
    apposition between commas kept ('Brafman, the lawyer, said')."""
    end = skip_auxiliaries(sentence, first)
    if opening_participle(sentence) and "," not in (w for _, _, w in sentence[:first]):
        # 'Continuing to explain his view, Haugland rejected …', 'Having announced that …,
        # Judge Holt proceeded': whoever the main clause names does what the opening
        # participle says.
        return sentence_subject(registry, text, sentence, len(sentence))
    if end == 0:
        return Speaker(None)
    if end >= 2 and sentence[end - 1][2] in WH_RELATIVES:
        # 'an architect who said', 'Kari Lunde who said': whom the relative stands for.
        return phrase(registry, text, sentence, end - 1, end)
    relative = relative_across(sentence, end)
    if relative is not None:  # 'Holt, who for weeks had said', 'Holt, who, at last, said'
        return phrase(registry, text, sentence, relative, relative + 1)
    if _pronoun_subject(sentence, end - 1):
        # 'Instead he appointed', 'the plan, which she said': the pronoun right before
        # the cue is its subject, whatever opens the phrase it ends.
        pronoun = phrase(registry, text, sentence, end - 1, end)
        if pronoun.entity is not None:
            return pronoun
    if end >= 3 and sentence[end - 1][2].lower() in ("and", "but"):
        # 'Cruz urged voters to stay home and said he …', '… too early but noted that …':
        # the sentence's subject; 'when Lund criticised Berg and said …': the subject of
        # the subordinate clause the two verbs share.
        subordinate = _subordinate_subject(registry, text, sentence, end - 1)
        if subordinate is not None:
            return subordinate
        subject = sentence_subject(registry, text, sentence, end - 1)
        if subject.entity is None:
            # 'In a speech in Vestby -- which votes Saturday -- Lund claimed victory and
            # argued …': the clause after the last aside has the subject.
            return _after_last_aside(registry, text, sentence, end - 1) or subject
        return subject
    if end >= 3 and end < first and sentence[end - 1][2] == "," and sentence[end][2] == "then":
        # 'Lund paused, then revealed why …': a second verb of the sentence's subject.
        subject = sentence_subject(registry, text, sentence, end - 1)
        if _names_someone(registry, text, subject):
            return subject
    if participle(sentence[first][2]) and sentence[end - 1][2].lower() in _BEFORE_PARTICIPLE:
        # 'Okafor praised the crews before explaining why …', 'After saying he was
        # nervous, the man …': the participle's subject is the sentence's, or a relative's.
        relative = relative_before_participle(sentence, end - 1)
        if relative is not None:
            return phrase(registry, text, sentence, relative, relative + 1)
        subject = sentence_subject(registry, text, sentence, end - 1 or len(sentence))
        if subject.entity is not None:
            return subject
        if end >= 3 and sentence[end - 2][2] == ",":
            # '“…,” Lund said, while arguing …': whoever the quotation's attribution names.
            quoted = _quotation_speaker(registry, text, sentence, end - 2)
            if quoted is not None:
                return quoted
    if participle(sentence[first][2]) and end >= 3 and _after_comma(sentence, end):
        # '“…,” Lund said, adding that …': the subject of the saying verb before the comma;
        # 'The party filed a complaint, claiming that …': the sentence's subject claims.
        said = end - 2 if sentence[end - 1][2] == "," else end - 3
        if sentence[said][2].lower() in SAYING_VERBS and said >= 1:
            speaker = subject_before(registry, text, sentence, said)
            if speaker.entity is not None:
                return speaker
        if sentence[0][2] in cues.QUOTE_MARKS:
            # '“As far as …,” Berg said of the cuts, mocking …': the words that open the
            # sentence are the quotation's, whose attribution names the subject.
            quoted = _quotation_speaker(registry, text, sentence, end - 1)
            if quoted is not None:
                return quoted
        clause = _clause_subject(registry, text, sentence, end - 1)
        if clause is not None:
            return clause
        subject = sentence_subject(registry, text, sentence, end - 1)
        if subject.entity is None:
            # '“…,” said Tom Berg, a former aide, recalling …', '“…,” Lund told the
            # hosts of the show, adding …': whoever the quotation's attribution names.
            return _quotation_speaker(registry, text, sentence, end - 1) or subject
        return subject
    if sentence[end - 1][2] == ")":
        # 'Rep. Alma Frost (D-Ore.) said': the party and state are no part of the subject.
        opening = bracket_opening(sentence, end - 1)
        if opening:
            end = opening
    if sentence[end - 1][2] in DASHES:
        # 'Byrne — a former guard at the port — said', 'The judges -- Lund, Berg and Amar
        # -- agreed': the subject before the aside between dashes.
        opening = dash_aside_opening(sentence, end - 1)
        if opening is not None:
            subject = phrase(registry, text, sentence, boundary(sentence, opening), opening)
            if subject.entity is not None:
                return subject
    if sentence[end - 1][2] == "," and end >= 4:
        opening = next(
            (i for i in range(end - 2, max(0, end - 5), -1) if sentence[i][2] == ","), None
        )
        aside = (
            " ".join(w.lower() for _, _, w in sentence[opening + 1 : end - 1]) if opening else ""
        )
        if aside in _DISCOURSE_ASIDES:
            # 'The two lawmakers, however, argue', 'No one, in fact, is eager': the
            # subject is the phrase before the aside.
            return subject_before(registry, text, sentence, opening)
    if sentence[end - 1][2] == "," and end >= 2:
        # 'Berg (R-Ore.), facing a challenge from Lund, noted': the name before the aside.
        aside = subject_before_aside(registry, text, sentence[end - 2][0], sentence[first][0])
        if aside is not None:
            return aside
    if sentence[end - 1][2] == ",":
        comma = end - 1
        # 'X, who served as chairman during the 2000 election, agreed': X, before the
        # relative clause, however long it is.
        end = before_relative_clause(sentence, end - 1) + 1
        # 'X, a Y, said': the apposition and the phrase before it.
        opening = _aside_opening(sentence, end - 1)
        if opening > 0 and sentence[opening - 1][2] == ",":
            start = boundary(sentence, opening - 1)
            bracket = bracket_opening(sentence, start - 1) if start == opening - 1 else None
            if bracket is not None:
                # 'Sen. Kari Holt (R-Ore.), one of its critics, said': the name before
                # the party and state, which a bracket's boundary had cut off.
                start = boundary(sentence, bracket)
            speaker = phrase(registry, text, sentence, start, end - 1)
            if speaker.entity is None and sentence[start][2].lower() in OPENING_WORDS:
                # 'In the interview, Holt, who backed Berg, said': what the comma closes
                # is an opening phrase, not a name before an apposition.
                speaker = phrase(registry, text, sentence, opening, end - 1)
        else:
            # 'Lund, a Republican who served as a Marine, denounced': the name before it.
            head = name_before_apposition(registry, text, sentence, comma, _APPOSITIONS_TOKENS)
            speaker = head or phrase(registry, text, sentence, opening, end - 1)
        if speaker.entity is None and end - 1 <= _APPOSITIONS_TOKENS:
            # 'Ana Ruiz, 39, a nurse, said', 'Sen. Al Roe, R-S.C., a candidate, said', 'Al
            # Roe, a donor and chair of the board, asked': longer asides than the phrase
            # back to a boundary, after the name that opens the sentence.
            whole = phrase(registry, text, sentence, 0, end - 1)
            if whole.entity is not None and whole.entity.named:
                return whole
        return speaker
    start = boundary(sentence, end)
    if end - start >= 2 and sentence[start][2].lower() in BEFORE_SUBJECT:
        # '…, with some polls showing that …', 'Even the organiser said': the word opens
        # the phrase, the subject follows it.
        start += 1
    relative = next((i for i in range(end - 2, start - 1, -1) if sentence[i][2] in _OBJECTS), None)
    if relative is not None:
        # 'in what officials called a fraud', 'Lund, whom many voters believed': the
        # relative is the verb's object; its subject follows it.
        start = relative + 1
    if end > start and sentence[start][2].lower() in _NO_SUBJECT_OPENERS:
        # 'Ackman bought shares in 2014, in a bid to persuade …', 'she focused on him,
        # trying to use …': a phrase that opens with a preposition or a verb is no
        # subject; the sentence's subject is the content's.
        return sentence_subject(registry, text, sentence, start or len(sentence))
    speaker = phrase(registry, text, sentence, start, end)
    group = (
        described_group(registry, text, sentence[start][0], sentence[end - 1][1], speaker)
        if end > start
        else None
    )
    # 'the kind of judge many farmers fear Holt would pick': the group speaks; 'members
    # who backed Holt said': the members, not the relative clause's object.
    start_at, cue_at = sentence[start][0], sentence[first][0]
    group = group or described_before_relative(registry, text, start_at, cue_at, speaker)
    if group is not None:
        return group
    if speaker.entity is None or not speaker.entity.named:
        # 'Supporters who have heard from the campaign say', 'unions who backed her say':
        # the noun phrase before the relative clause, which no comma sets off.
        relative = next(
            (i for i in range(start + 1, end) if sentence[i][2] in RELATIVE_SUBJECTS), None
        )
        if relative is not None:
            subject = phrase(registry, text, sentence, start, relative)
            if subject.entity is not None:
                return subject
    if speaker.entity is None and start >= 2 and sentence[start - 1][2] in RELATIVE_SUBJECTS:
        # 'A 2019 study that ran in the journal found': the relative clause, with no
        # comma, qualifies the noun phrase that opens the sentence, which is the subject.
        outer = boundary(sentence, start - 1)
        if outer == 0 or sentence[outer - 1][2] == ",":
            subject = phrase(registry, text, sentence, outer, start - 1)
            if subject.entity is not None:
                return subject
    if speaker.entity is None and start >= 2 and sentence[start - 1][2].lower() in ("and", "or"):
        # 'Experts on Korea and nuclear arms said': the 'and' joins the subject's words.
        wider = boundary(sentence, start - 1)
        if wider < start - 1:
            return phrase(registry, text, sentence, wider, end)
    if speaker.entity is None and not any(
        w.lower() in BOUNDARY_WORDS or w in cues.QUOTE_MARKS or w in ";:()"
        for _, _, w in sentence[:end]
    ):
        # 'He went out of his way to say', 'She urged the board to act, proposed that',
        # 'Okafor drove to the plant on Sunday to explain': one long predicate of the
        # pronoun or the name that opens the sentence.
        subject = sentence_subject(registry, text, sentence, end)
        if _names_someone(registry, text, subject):
            return subject
    return speaker


def _after_last_aside(
    registry: Registry, text: str, sentence: list[Token], conjunction: int
) -> Speaker | None:
    """The name or pronoun opening the clause after the last comma or dash before the
    ``conjunction``; None when none does."""
    mark = next(
        (
            i
            for i in range(conjunction - 1, max(0, conjunction - _CLAUSE_TOKENS), -1)
            if sentence[i][2] == "," or sentence[i][2] in DASHES
        ),
        None,
    )
    if mark is None or mark + 1 >= conjunction:
        return None
    subject = _subject_from(registry, text, sentence, mark + 1, conjunction)
    return subject if _names_someone(registry, text, subject) else None


def _clause_subject(
    registry: Registry, text: str, sentence: list[Token], comma: int
) -> Speaker | None:
    """The subject of the clause a conjunction opens before the ``comma`` of a participle:
    'Rents rose, and the union has sued the city, saying …', 'Holt spoke but Lund was
    unmoved, insisting …'; None when no conjunction opens such a clause within reach."""
    for i in range(comma, max(0, comma - _CLAUSE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:()" or word in cues.QUOTE_MARKS:
            return None
        if word == "," and i < comma:
            # 'As Lund and Berg rose, Holt has tried …, drawing': a clause that opens at
            # the comma, with no conjunction, ends the search.
            subject = _subject_and_verb(registry, text, sentence, i, comma)
            if subject is not None:
                return subject
        elif word.lower() in _CLAUSE_CONJUNCTIONS:
            return _subject_and_verb(registry, text, sentence, i, comma)
    return None


def _subject_and_verb(
    registry: Registry, text: str, sentence: list[Token], opener: int, comma: int
) -> Speaker | None:
    """The subject of the clause after token ``opener`` when a verb follows it before the
    ``comma``, and it names someone or something."""
    words = [w for _, _, w in sentence[opener + 1 : comma]]
    length = subject_length(words[:8])
    stop = length
    while stop < len(words) and adverb(words[stop].lower()):
        stop += 1
    if not 0 < stop < len(words) or not _verb_like(words[stop]):
        return None
    if all(w.lower() in DETERMINERS for w in words[:length]):
        return None  # 'the embattled president': a participle, not a verb after 'the'
    subject = phrase(registry, text, sentence, opener + 1, opener + 1 + length)
    if subject.mention is None or text[slice(*subject.mention)].lower() in _NOT_SUBJECTS:
        return None
    return subject if subject.entity is not None else None


def _verb_like(word: str) -> bool:
    """A word that reads as a clause's verb: an auxiliary or a past form ('has', 'fired',
    'brought'); not 'candidates' in 'Senate and House candidates'."""
    lowered = word.lower()
    return word[:1].islower() and (
        lowered in _AUXILIARIES
        or lowered in _PAST_FORMS
        or (lowered.endswith("ed") and len(lowered) > 3)
    )


# Conjunctions that open a clause whose subject a participle after it shares.
_CLAUSE_CONJUNCTIONS = frozenset("and but".split())
_CLAUSE_TOKENS = 30
_AUXILIARIES = frozenset("is are was were has have had will would can could may might".split())
_PAST_FORMS = frozenset(
    """brought took made gave went sent met held left kept spoke wrote told said began ran
    won lost put set got came saw stood sought thought felt threw drew struck""".split()
)
_NOT_SUBJECTS = frozenset("it i this that there who which".split())


def _subordinate_subject(
    registry: Registry, text: str, sentence: list[Token], conjunction: int
) -> Speaker | None:
    """The subject of the subordinate clause the ``conjunction`` ('and') continues:
    'which Holt had praised and promised', 'when Lund spotted a sign and asked'; None
    when no such clause opens within the phrase or no one is its subject."""
    closed = dashed = False
    for i in range(conjunction - 1, max(0, conjunction - _SUBORDINATE_TOKENS), -1):
        word = sentence[i][2]
        if word in ";:" or word in cues.QUOTE_MARKS:
            return None
        if word == ",":
            # 'Holt, who lives in Vestby, praised … and said': the comma may close the
            # relative clause, and the verbs after it be the main clause's. (A dash alone
            # did not pay: '… that the island has amassed - and says' is the relative's.)
            closed = True
        elif word in DASHES:
            dashed = True
        elif (
            word in _SUBJECT_RELATIVES
            and not closed
            # '-- which holds its caucus on Saturday -- Lund claimed … and argued': a
            # relative between dashes is an aside the second dash closes.
            and not (dashed and i > 0 and sentence[i - 1][2] in DASHES)
            and _verb_like_after(sentence, i + 1, conjunction)
        ):
            # 'Ines Marrow, who came out and endorsed', 'a levy which hits … and costs':
            # the relative is the subject of both verbs; whom it stands for speaks.
            relative = phrase(registry, text, sentence, i, i + 1)
            return relative if relative.entity is not None else None
        if word in _SUBORDINATORS:
            subject = _subject_from(registry, text, sentence, i + 1, conjunction)
            return subject if _names_someone(registry, text, subject) else None
    return None


def _verb_like_after(sentence: list[Token], i: int, end: int) -> bool:
    """Whether a verb comes right after a relative at ``i`` (an auxiliary or an adverb
    may come first), before token ``end``: the relative is its subject."""
    while i < end and adverb(sentence[i][2].lower()):
        i += 1
    if i >= end:
        return False
    word = sentence[i][2]
    lowered = word.lower()
    return word[:1].islower() and (
        _verb_like(word) or (lowered.endswith("s") and lowered not in DETERMINERS)
    )


# Relatives that are the subject of the verb right after them.
_SUBJECT_RELATIVES = frozenset("who which that".split())
# Words that open a subordinate clause whose subject follows them.
_SUBORDINATORS = frozenset("when while which whom whereas because although though".split())


def _pronoun_subject(sentence: list[Token], i: int) -> bool:
    """Whether token ``i`` is a subject pronoun; 'it' only where a clause starts, as
    after a verb it is the object ('made it clear')."""
    word = sentence[i][2].lower()
    if word in _SUBJECT_PRONOUNS or word == "i":
        return True
    return word == "it" and (
        i == 0 or sentence[i - 1][2] in _BOUNDARY_MARKS or sentence[i - 1][2] in BOUNDARY_WORDS
    )


def _names_someone(registry: Registry, text: str, subject: Speaker) -> bool:
    """Whether a sentence's subject is a pronoun for someone ('he', not 'it') or a name;
    not a common word the sentence capitalises ('Nearly half …', 'Concerns rose …'),
    which the registry takes for a name but the text also writes in lower case."""
    if subject.mention is None:
        return False
    opener = text[slice(*subject.mention)]
    if opener.lower() in PRONOUNS:
        return opener.lower() in _SUBJECT_PRONOUNS
    named = subject.entity is not None and subject.entity.named
    return named and not registry.common_word(opener.split()[0])


# Adverbial asides between commas that leave the subject before them.
_DISCOURSE_ASIDES = frozenset(
    {"however", "meanwhile", "too", "though", "instead", "indeed", "also", "for instance"}
    | {"for example", "in fact", "of course", "in turn", "in particular", "by contrast"}
    # Of time: 'a decision which he has, so far, refused to consider'.
    | {"so far", "for now", "at first", "by then", "in the end"}
)
# Relatives that are only ever the object of the verb after their clause's subject.
_OBJECTS = frozenset("what whom".split())
# Prepositions that make a participle after them an adjunct of the sentence's verb.
_BEFORE_PARTICIPLE = frozenset("before after while by in since without when upon".split())
# Words that open a subject's phrase without being part of it: '…, with some polls
# showing', 'Even the organiser said'.
BEFORE_SUBJECT = frozenset("with even".split())
# Words that open a predicate or an adjunct, never the subject phrase of a cue.
_NO_SUBJECT_OPENERS = frozenset(
    "to in by for of from on at into is was were are be been has have had trying".split()
)
# How far back a name opening the sentence may stand before its asides end at the cue.
_APPOSITIONS_TOKENS = 40


def _aside_opening(sentence: list[Token], comma: int) -> int:
    """Where the aside closed at ``comma`` opens: at its clause boundary, or at the comma
    before a participle's phrase ('Voss, appearing after Marsh at the forum, cited …':
    'after' opens no clause there; 'Voss, speaking in Dayton, Ohio, warned …')."""
    opening = boundary(sentence, comma)
    if opening == 0:
        return opening
    for i in range(comma - 1, max(0, comma - 16), -1):
        word = sentence[i][2]
        if word in _BOUNDARY_MARKS and word != ",":
            break
        if word == "," and participle(sentence[i + 1][2]):
            return i + 1
    return opening


def _quotation_speaker(
    registry: Registry, text: str, sentence: list[Token], comma: int
) -> Speaker | None:
    """Who the attribution after a quotation names, when it runs up to the ``comma``
    ('“…,” said Tom Berg, a former aide,' or '“…,” Lund told the hosts,'); None when no
    quotation closes before it with its own comma."""
    closing = next(
        (
            i
            for i in range(comma - 1, max(1, comma - _ATTRIBUTION_TOKENS), -1)
            if sentence[i][2] in cues.QUOTE_MARKS and sentence[i - 1][2] in ",?!"
        ),
        None,
    )
    if closing is None or closing + 2 > comma:
        return None
    if sentence[closing + 1][2].lower() in SAYING_VERBS:
        speaker = phrase(registry, text, sentence, closing + 2, comma)
    else:
        said = next(
            (i for i in range(closing + 2, comma) if sentence[i][2].lower() in SAYING_VERBS), None
        )
        if said is None and comma - closing == 3:
            said = comma - 1  # '“…,” he vowed, adding …': any verb after a one-word subject
        if said is None:
            # '“…,” Ms. Lund answered, referring …': any verb after a name.
            verb = next((i for i in range(closing + 2, comma) if sentence[i][2].islower()), None)
            if verb is None:
                return None
            speaker = phrase(registry, text, sentence, closing + 1, verb)
            return speaker if _names_someone(registry, text, speaker) else None
        speaker = phrase(registry, text, sentence, closing + 1, said)
    return speaker if speaker.entity is not None else None


# How far back from a participle's comma the quotation before its attribution may close.
_ATTRIBUTION_TOKENS = 24


def _after_comma(sentence: list[Token], end: int) -> bool:
    """A comma before token ``end``, or a comma and the closing mark after it ('…,”')."""
    if sentence[end - 1][2] == ",":
        return True
    return sentence[end - 1][2] in cues.QUOTE_MARKS and sentence[end - 2][2] == ","


def sentence_subject(registry: Registry, text: str, sentence: list[Token], end: int) -> Speaker:
    """The subject that opens the sentence (after a short opening phrase and its comma):
    its words up to the first one in lower case or a comma, before token ``end``."""
    dateline = dateline_end(sentence)
    if 0 < dateline < end:
        # 'DUNMORE, Ore. - Rallying the crowd, Castel …': the sentence opens after it.
        return sentence_subject(registry, text, sentence[dateline:], end - dateline)
    if dateline and end:
        # 'VESTBY, N.H. - At the moment Holt learned': all before the phrase that opens
        # the sentence is its dateline, a place that says nothing.
        return Speaker(None)
    start = 0
    first = sentence[0][2] if sentence else ""
    # A phrase its first word marks as one ('In a speech at the county fair on Tuesday
    # night, …', 'Despite his low standing in the polls, …') may run longer than one
    # that only its last word shows to be ('Hours later, …').
    opening = (
        opening_participle(sentence)
        or first.lower() in OPENING_WORDS
        or (adverb(first.lower()) and first[:1].isupper())
    )
    commas = [
        i for i, (_, _, w) in enumerate(sentence[: min(end, _SUBORDINATE_TOKENS)]) if w == ","
    ]
    limit = OPENING_TOKENS if opening else 10
    comma = commas[0] if commas and commas[0] < limit else None
    if (
        comma is not None
        and comma + 1 < end
        # 'On Friday Holt posted a statement, writing …': a participle after the comma
        # shows it closes the main clause; an opening phrase's is followed by the subject.
        and not participle(sentence[comma + 1][2])
        and (
            opening
            or sentence[comma - 1][2].lower() in ("later", "earlier", "ago")
            or (comma <= 3 and sentence[comma - 1][2].lower() in TIME_NOUNS)
            or (comma == 1 and first.lower() in OPENING_ADVERBS)
        )
    ):
        # 'On Monday, Cruz …', 'In Ohio, the governor …', 'Reflecting on his career, the
        # senator …', 'Hours later, Trump …', 'Recently, Tom Berg …', 'This year, he …'
        start = comma + 1
    participle_first = (
        not start
        and opening_participle(sentence)
        and first.lower() not in OPENING_WORDS  # 'Following the vote …' reads as before
        and len(sentence) > 1
        and not is_plural(sentence[1][2])  # 'Consulting firms like Lund say': a noun's
    )
    if participle_first:
        # 'Noting that the ferry was late (…), Holt said': a comma too far for the
        # opening phrase's; the participle is no subject ('Noting' is no one).
        subject = Speaker(None)
    elif start and sentence[start][2].lower() in _OPENING_RELATIVES:
        # 'After thanking the crowd, which chanted her name, she listed …': the relative
        # clause goes on with the opening phrase; the subject follows a later comma.
        subject = Speaker(None)
    else:
        subject = _subject_from(registry, text, sentence, start, end)
    if opening and subject.entity is None:
        # 'While the board asked for more, also known as …, Holt held …', 'In his reply,
        # during an interview, Lund questioned …': the opening phrase runs to a later
        # comma, after which a name or a pronoun is the subject.
        if start:
            later_commas = commas[commas.index(start - 1) + 1 :]
        else:
            later_commas = commas if first.lower() in BOUNDARY_WORDS or participle_first else []
        for later in later_commas:
            if later + 1 >= end:
                break
            found = _subject_from(registry, text, sentence, later + 1, end)
            if _names_someone(registry, text, found):
                return found
            if participle_first and found.entity is not None and _described(sentence, later):
                # 'Declaring that …, the shipping magnate offered …': a description after
                # the participle's phrase is the main clause's subject too.
                return found
    if opening and not start and subject.entity is None and first.lower() not in BOUNDARY_WORDS:
        # 'By Sunday afternoon she had cancelled …': a short opening phrase with no
        # comma, then a pronoun, which is the subject ('When she …' is a clause's).
        pronoun = next(
            (
                i
                for i, (_, _, w) in enumerate(sentence[1 : min(end, OPENING_PRONOUN_TOKENS)], 1)
                if w in _SUBJECT_PRONOUNS or w in _BOUNDARY_MARKS or w in BOUNDARY_WORDS
            ),
            None,
        )
        if pronoun is not None and sentence[pronoun][2] in _SUBJECT_PRONOUNS:
            return phrase(registry, text, sentence, pronoun, pronoun + 1)
        named = next(
            (
                i
                for i in range(2, min(end, OPENING_PRONOUN_TOKENS))
                if sentence[i - 1][2].lower() in TIMES and sentence[i][2][:1].isupper()
            ),
            None,
        )
        if named is not None:
            # 'On Sunday morning Mr. Holt made …': a name right after the time that ends
            # the opening phrase is the subject.
            found = _subject_from(registry, text, sentence, named, end)
            if _names_someone(registry, text, found):
                return found
    return subject


# Relative words that, right after an opening phrase's comma, continue that phrase.
_OPENING_RELATIVES = frozenset(("which", "who"))


def _described(sentence: list[Token], comma: int) -> bool:
    """An article opens the phrase after the ``comma``: 'the shipping magnate'."""
    return sentence[comma + 1][2].lower() in ("the", "a", "an")


def _subject_from(
    registry: Registry, text: str, sentence: list[Token], start: int, end: int
) -> Speaker:
    """The subject phrase that opens the clause at token ``start``, before token ``end``."""
    if start + 1 < end and sentence[start][2].lower() in OPENING_CONJUNCTIONS:
        start += 1  # 'But the former president …': the conjunction opens no subject
    words = [w for _, _, w in sentence[start : min(end, start + 8)]]
    stop = start + subject_length(words)
    # 'Mrs. Lund -- whose husband signed the act -- has said': a dash ends the subject.
    stop = next((i for i in range(start + 1, stop) if sentence[i][2] in DASHES), stop)
    if stop == start or all(w.lower() in DETERMINERS for _, _, w in sentence[start:stop]):
        return Speaker(None)
    if stop == start + 1 and sentence[start][2].lower() in OPENING_WORDS:
        # 'Late on Friday Holt wrote …': the word that opens a phrase of time or place,
        # cut off by the lower-case word after it, is no one.
        return Speaker(None)
    return phrase(registry, text, sentence, start, stop)


# How far a subordinate clause opening the sentence may run to the comma that ends it.
_SUBORDINATE_TOKENS = 32


def boundary(sentence: list[Token], end: int) -> int:
    """Where the phrase ending at token ``end`` starts: after the nearest clause boundary,
    at most ten tokens back."""
    i = end
    while i > 0 and end - i < 10:
        word = sentence[i - 1][2]
        if (word in _BOUNDARY_MARKS and not _plural_possessive(sentence, i - 1)) or (
            word.lower() in BOUNDARY_WORDS
        ):
            break
        i -= 1
    return i


def _plural_possessive(sentence: list[Token], i: int) -> bool:
    """The apostrophe of 'farmers’ unions': written onto a plural, a word after it."""
    start, _, mark = sentence[i]
    return (
        mark in "’'"
        and 0 < i < len(sentence) - 1
        and sentence[i - 1][1] == start
        and sentence[i - 1][2].endswith("s")
        and sentence[i + 1][0] > start + 1
    )


def phrase(registry: Registry, text: str, sentence: list[Token], start: int, end: int) -> Speaker:
    while end > start and sentence[end - 1][2] in ".!?,;:":
        end -= 1
    if end <= start:
        return Speaker(None)
    return speaker_in(registry, text, sentence[start][0], sentence[end - 1][1])
