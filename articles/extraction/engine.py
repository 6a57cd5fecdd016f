"""The extraction pipeline: paragraphs, then dash-led quotes, quotation marks and
reported speech, each attributed to a speaker the registry keeps track of."""

from __future__ import annotations

import re
from dataclasses import replace

from articles.extraction import marks
from articles.extraction.model import QuoteSuggestion, SpeakerEntry
from articles.extraction.names import (
    NAME,
    NOT_NAMES,
    PLACE_BEFORE,
    ROLE_ENDINGS,
    Entity,
    Registry,
)

LINE = re.compile(r"[^\n]+")
DASH = re.compile(r"^[–—-]\s+")
CAPTION = re.compile(
    r"^[A-ZÆØÅÄÖÜ0-9][A-ZÆØÅÄÖÜ0-9 '’&-]{2,}:\s|\b(?:Photo|Foto|Illustration)s?:\s"
)
BYLINE = re.compile(r"^By [A-Z]")
QA = re.compile(r"^(Q|A)\s*[:.]\s+")

CUE = (
    r"says|said|say|tells|told|adds|added|explains|explained|writes|wrote|claims|claimed|"
    r"continues|continued|notes|noted|points out|pointed out|insists|insisted|warns|warned|"
    r"argues|argued|asks|asked|replies|replied|states|stated|stresses|stressed|concludes|"
    r"concluded|believes|believed|thinks|thought|admits|admitted|comments|commented|"
    r"emphasises|emphasised|emphasizes|emphasized|underlines|underlined|recalls|recalled|"
    r"promised|promises|announced|announces|confirms|confirmed|suggests|suggested|"
    r"predicts|predicted|fears|feared|hopes|hoped|calls|called|describes|described|"
    r"maintains|maintained|acknowledged|acknowledges|estimates|estimated|expects|expected|"
    r"doubts|doubted|denies|denied|agrees|agreed|urged|urges|cautioned|cautions|"
    r"reckons|reckoned|wonders|wondered|complains|complained|objects|objected"
)
REPORTING = (
    r"believes|believed|thinks|thought|claims|claimed|warns|warned|argues|argued|says|said|"
    r"insists|insisted|fears|feared|expects|expected|hopes|hoped|doubts|doubted|stresses|"
    r"stressed|explains|explained|adds|added|admits|admitted|notes|noted|suggests|suggested|"
    r"predicts|predicted|estimates|estimated|maintains|maintained|acknowledged|"
    r"acknowledges|confirms|confirmed|announced|announces|points out|pointed out|"
    r"emphasises|emphasised|emphasizes|emphasized|concludes|concluded|reckons|reckoned|"
    r"promised|promises|cautioned|cautions|complains|complained|told reporters|"
    r"writes|wrote|denied|denies|told [A-Z][\w-]*(?: [A-Z0-9][\w-]*)*|told the [A-Za-z ]+?|"
    r"tells [A-Z][\w-]*|told [a-z]+"
)
ADVERB = r"(?:(?:also|still|now|therefore|however|further|even|nevertheless|clearly|firmly)\s+)?"
AFTER_NAME = re.compile(
    r"\s+(?:to|in|at|on|during|after|before|when|while|from|via|for|with|as|about|"
    r"last|this|earlier|later|yesterday|today|on)\b.*$|\s*\(.*$"
)
SUBJECT_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
ORG_NOUNS = """
    ministry department company agency council authority association union police
    government committee commission board municipality county city firm directorate
    report study survey institute bank airline court hospital school club
    organisation organization federation group party office administration service
    operator society audit
""".split()
ORG_NOUN = rf"(?:[Tt]he\s+(?:[a-z]+\s+)?(?P<noun>{'|'.join(ORG_NOUNS)}))"
SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|the (?:title|name|headline|motto|banner)|"
    r"the (?:report|book|film|novel|song|album|"
    r"play|series|show|documentary|campaign|project|programme|program|plan|strategy|"
    r"slogan|law|bill|act|article|column|study|exhibition|festival|podcast)|titled|"
    r"entitled|named|known as|the word|the term|the phrase|the label)\s*$",
    re.IGNORECASE,
)
SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with"}
CUE_THEN_WHO = re.compile(
    rf"\s*[,:]?\s*(?P<cue>{CUE})\s+(?P<who>{SUBJECT_PRONOUN}\b|{ORG_NOUN}|[^.,;:!?“”\"]+)"
)
SENTENCE_END = re.compile(r"[.!?…](?=[\s”’\"»)]|$)")


# Patterns built from the word lists above, compiled once.
_P1 = re.compile(
    rf"\s*[,:]?\s*(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|(?:[A-Z][\w’'.-]*\s+){{0,3}}"
    rf"[A-Z][\w’'-]*)\s+{ADVERB}(?P<cue>{CUE})\b"
)
_P2 = re.compile(
    rf"(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*)"
    rf"(?:,[^,]*,)?\s+{ADVERB}(?P<cue>{CUE})\b[^:,]*?[:,]\s*$"
)
_P3 = re.compile(rf"\b(?:{CUE}|according to)\b")
_P4 = re.compile(rf"(?:^|\s){SUBJECT_PRONOUN}$")
_P5 = re.compile(rf",\s+(?P<cue>{CUE})\s+(?P<who>[^.?!]+?)\s*[.!?]?$")
_P6 = re.compile(
    rf",\s+(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|(?:[A-Z][\w’'-]*\s+){{0,3}}"
    rf"[A-Z][\w’'-]*)\s+{ADVERB}(?P<cue>{CUE})\b[^.?!]*[.!?]?$"
)
_P7 = re.compile(
    rf"(?P<clause>[A-Z].{{12,}}?),\s+(?:(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|"
    rf"(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*)\s+(?P<cue>said|says|announced|"
    rf"confirmed|reported|warned)|(?P<cue2>said|says)\s+(?P<who2>[^.]+?))"
    rf"(?:\s+(?:on\s+)?\w+day)?[.!]?$"
)
_P8 = re.compile(
    rf"(?:^|(?<=[\s,]))(?P<who>{SUBJECT_PRONOUN}|{ORG_NOUN}|"
    rf"(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*)(?:,[^,]{{3,160}})?,?\s+{ADVERB}"
    rf"(?P<cue>{REPORTING})\s+(?:(?:on|in|at|last)\s+\w+\s+|in an? (?:statement|"
    rf"letter|interview|email|post|press release|written statement)\s+)*"
    rf"(?:that\s+)?(?P<clause>\S.+)$"
)


def extract(text: str) -> tuple[list[QuoteSuggestion], list[SpeakerEntry]]:
    """The quotes in ``text`` and the speakers they are attributed to, in one pass."""
    extractor = _Extractor(text)
    quotes = extractor.run()
    quoted = {q.speaker for q in quotes if q.speaker}
    speakers = [
        SpeakerEntry(name=e.name, aliases=tuple(e.aliases), description=e.description)
        for e in extractor.registry.entities
        if e.name in quoted
    ]
    return quotes, speakers


def extract_quotes(text: str) -> list[QuoteSuggestion]:
    """Every quote the rules find in ``text``, in text order."""
    return _Extractor(text).run()


def extract_speakers(text: str) -> list[SpeakerEntry]:
    """The people and organisations quoted in ``text``, with aliases and descriptions."""
    return extract(text)[1]


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = Registry()
        self.found: list[tuple[QuoteSuggestion, Entity | None]] = []
        self.previous_paragraph = ""
        self.open_quote_speaker: Entity | None = None  # a multi-paragraph quote runs on
        self.mention: tuple[int, int] | None = None  # where the pending speaker is named
        self.interviewee: Entity | None = None

    # -- driving --------------------------------------------------------------------

    def run(self) -> list[QuoteSuggestion]:
        paragraphs = []
        for match in LINE.finditer(self.text):
            start, end = match.start(), match.end()
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start < end:
                paragraphs.append((start, end))
        self.answers = _interview_answers(self.text, paragraphs)
        for start, end in paragraphs:
            self._paragraph(start, end)
        quotes = [
            replace(quote, speaker=entity.name if entity else None) for quote, entity in self.found
        ]
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _paragraph(self, start: int, end: int) -> None:
        body = self.text[start:end]
        duplicate = body == self.previous_paragraph
        self.previous_paragraph = body
        if duplicate or CAPTION.search(body) or BYLINE.match(body):
            return
        qa = QA.match(body)
        if start in self.answers:
            speaker = self.interviewee or self.registry.person_for_pronoun()
            self._add(start, end, "direct", speaker, None, 0.75)
        elif qa:
            self._qa(start, end, qa)
        elif DASH.match(body):
            self._dash(start, end)
        else:
            self._prose(start, end)

    # -- paragraph kinds ------------------------------------------------------------

    def _qa(self, start: int, end: int, match: re.Match) -> None:
        if match.group(1) == "Q":
            return
        speaker = self.interviewee or self.registry.person_for_pronoun()
        self._add(start + match.end(), end, "direct", speaker, None, 0.8)

    def _dash(self, start: int, end: int) -> None:
        body = self.text[start:end]
        content_start = start + DASH.match(body).end()
        words = self.text[content_start:end].split()
        if len(words) <= 6 and not SENTENCE_END.search(self.text[end - 1 : end]):
            return  # a subheading such as "– Price shock"
        attribution = self._trailing_attribution(content_start, end)
        if attribution is not None:
            quote_end, cue, entity = attribution
            self._add(content_start, quote_end, "direct", entity, cue, 0.95)
            return
        # Quotation marks inside a dash paragraph are ordinary prose quotes.
        if marks.segments(self.text, content_start, end):
            self._prose(content_start, end)
            return
        self._add(content_start, end, "direct", self.registry.last_speaker, None, 0.75)

    def _prose(self, start: int, end: int) -> None:
        """Quotes, reported speech and name mentions, taken in text order so that "she"
        means the person named last before it."""
        segments = marks.segments(self.text, start, end)
        quoted = [(seg.open, (seg.close if seg.close is not None else end) + 1) for seg in segments]
        events: list[tuple[int, int, object]] = []
        for index, segment in enumerate(segments):
            events.append((segment.open, 1, ("quote", index)))
        sentence_start = start
        for sentence_end in _sentence_ends(self.text, start, end, quoted):
            events.append((sentence_start, 2, ("sentence", sentence_end)))
            sentence_start = sentence_end
            while sentence_start < end and self.text[sentence_start].isspace():
                sentence_start += 1
        for position, name in self._mentions(start, end, quoted):
            events.append((position, 0, ("mention", name)))
        events.sort(key=lambda event: (event[0], event[1]))
        previous: Entity | None = None
        for position, _, (kind, value) in events:
            if kind == "mention":
                self.registry.mention(value)
                if self.interviewee is None and not self.found:
                    self.interviewee = self.registry.last_mentioned
            elif kind == "quote":
                entity = self._quote_segment(start, end, segments[value], value, previous)
                if entity is not False:
                    previous = entity
            else:
                self._reported_sentence(position, value, quoted)

    def _mentions(self, start: int, end: int, quoted) -> list[tuple[int, str]]:
        """Names of people and organisations in prose, outside quotes and after no
        preposition that would make them a place ("in Little Wrayton")."""
        outside = self.text[start:end]
        for q_start, q_end in reversed(quoted):
            a, b = q_start - start, min(q_end, end) - start
            outside = outside[:a] + " " * (b - a) + outside[b:]
        mentions = []
        for name, offset in _names(outside):
            previous_word = outside[:offset].split()[-1:] or [""]
            if previous_word[0].lower() in PLACE_BEFORE:
                continue
            mentions.append((start + offset, name))
        return mentions

    # -- quotation marks --------------------------------------------------------------

    def _quote_segment(self, p_start, p_end, segment, index, previous_entity):
        text = self.text
        inner_start = segment.start
        inner_end = segment.close if segment.close is not None else p_end
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end <= inner_start:
            return False
        content = text[inner_start:inner_end]
        sentence_start = self._sentence_start(p_start, segment.open)
        lead = text[sentence_start : segment.open]
        words = content.split()
        if SCARE_BEFORE.search(lead) or (_is_title(words) and content.rstrip()[-1:] not in ".?!,"):
            return False
        close = segment.close if segment.close is not None else p_end
        tail_end = self._sentence_end(close + 1, p_end)
        tail = text[close + 1 : tail_end]
        ends_clause = content[-1:] in ",.?!…" or (tail[:1] in ",")
        self.mention = None
        after = self._attribution_after(close + 1, tail_end)
        after_mention, self.mention = self.mention, None
        before = self._attribution_before(sentence_start, segment.open)
        before_mention, self.mention = self.mention, None
        continuing = segment.close is None or (index == 0 and not lead.strip())
        lead_words = lead.strip()
        standalone = not lead_words or (lead_words.endswith((":", ",")) and before is not None)
        if not lead_words and not ends_clause and len(words) <= 3 and after is None:
            return False  # a stray scare quote at the start of a sentence
        if lead_words and not standalone:
            # Quoted words inside a narrative sentence: mixed speech, or a scare quote.
            cue = self._cue_in(sentence_start, segment.open)
            if cue is None and after is None:
                return False
            entity = self._subject_before(sentence_start, cue[0]) if cue else None
            if after is not None:
                entity = after[1]
                cue = after[0]
                self.mention = after_mention
            self._add(
                inner_start, self._trim_comma(inner_start, inner_end), "mixed", entity, cue, 0.7
            )
            self._remember(entity)
            return entity
        if after is not None:
            cue, entity, confidence = after[0], after[1], 0.9
            self.mention = after_mention
        elif before is not None:
            cue, entity, confidence = before[0], before[1], 0.9
            self.mention = before_mention
        elif continuing and self.open_quote_speaker is not None:
            cue, entity, confidence = None, self.open_quote_speaker, 0.8
        elif previous_entity is not None:
            cue, entity, confidence = None, previous_entity, 0.8
        else:
            cue = None
            entity = self._nearby_speaker(p_start, segment.open)
            confidence = 0.55
        self._add(
            inner_start, self._trim_comma(inner_start, inner_end), "direct", entity, cue, confidence
        )
        self._remember(entity)
        self.open_quote_speaker = entity if segment.close is None else None
        return entity

    def _attribution_after(self, position: int, limit: int):
        """``(cue, entity)`` from '…,” said Dana Whitfield' or '…,” she said'."""
        tail = self.text[position:limit]
        match = CUE_THEN_WHO.match(tail)
        if match and match.group("cue") not in ("called", "calls", "described", "describes"):
            entity = self._who(match, position)
            if entity is not None:
                return (position + match.start("cue"), position + match.end("cue")), entity
        match = _P1.match(tail)
        if match:
            entity = self._who(match, position)
            if entity is not None:
                return (position + match.start("cue"), position + match.end("cue")), entity
        return None

    def _attribution_before(self, sentence_start: int, position: int):
        """``(cue, entity)`` from 'Whitfield said: “' or 'She told the council, “'."""
        lead = self.text[sentence_start:position]
        match = _P2.search(lead)
        if not match:
            return None
        entity = self._who(match, sentence_start)
        if entity is None:
            return None
        return (sentence_start + match.start("cue"), sentence_start + match.end("cue")), entity

    def _cue_in(self, start: int, end: int):
        matches = list(_P3.finditer(self.text[start:end]))
        if not matches:
            return None
        match = matches[-1]
        return start + match.start(), start + match.end()

    def _org_or_phrase(self, phrase: str) -> Entity | None:
        org = re.fullmatch(ORG_NOUN, phrase.strip())
        if org:
            return self.registry.organisation(org.group("noun"))
        return self._resolve_phrase(phrase)

    def _subject_before(self, sentence_start: int, cue_start: int) -> Entity | None:
        lead = self.text[sentence_start:cue_start].strip()
        # "Beatriz Olmos, who runs a bakery on Cedar Avenue, described": the subject, not
        # the names in the clause about her.
        lead = re.sub(r",\s+(?:who|which|whose|the|a|an|now|then)\b[^,]*,?", " ", lead).strip()
        if _P4.search(lead):
            return self.registry.person_for_pronoun()
        names = _names(lead)
        if names:
            name, _ = names[-1]
            return self.registry.resolve(name)
        org = re.search(ORG_NOUN + r"\s*$", lead)
        if org:
            return self.registry.organisation(org.group("noun"))
        return self.registry.last_speaker

    def _trailing_attribution(self, start: int, end: int):
        """For a dash paragraph: ``(quote end, cue, entity)`` from ', says Hansen.'"""
        body = self.text[start:end]
        best = None
        for match in _P5.finditer(body):
            best = match
        if best is None:
            for match in _P6.finditer(body):
                best = match
        if best is None:
            return None
        entity = self._who(best, start)
        if entity is None:
            return None
        cue = (start + best.start("cue"), start + best.end("cue"))
        self._remember(entity)
        return start + best.start(), cue, entity

    # -- reported speech ----------------------------------------------------------------

    def _reported_sentence(self, start: int, end: int, quoted) -> None:
        if any(start <= q_start < end for q_start, _ in quoted):
            return
        sentence = self.text[start:end]
        according = re.match(
            r"(?:[A-Z][^,]*?\s)?[Aa]ccording to (?P<who>[^,]+),\s+(?P<clause>.+)$", sentence
        )
        trailing = re.match(r"(?P<clause>.+?),\s+according to (?P<who>[^,.]+)[.!]?$", sentence)
        if according or trailing:
            match = according or trailing
            entity = self._resolve_phrase(match.group("who"))
            if entity is None:
                return  # "according to a letter": no one to attribute it to
            cue_at = sentence.lower().find("according to")
            cue = (start + cue_at, start + cue_at + len("according to"))
            clause_start, clause_end = start + match.start("clause"), start + match.end("clause")
            self._add_clause(clause_start, clause_end, entity, cue, 0.7)
            return
        after = _P7.match(sentence)
        if after:
            who = after.group("who") or after.group("who2")
            entity = (
                self.registry.person_for_pronoun()
                if re.fullmatch(SUBJECT_PRONOUN, who)
                else self._org_or_phrase(who)
            )
            if entity is not None:
                name = "cue" if after.group("cue") else "cue2"
                cue = (start + after.start(name), start + after.end(name))
                self._add_clause(
                    start + after.start("clause"), start + after.end("clause"), entity, cue, 0.6
                )
                self._remember(entity)
                return
        match = _P8.search(sentence)
        if not match or len(match.group("clause").split()) < 3:
            return
        if match.group("clause").startswith(("to ", "so ", "of ", "about ", "in ", "with ")):
            return
        entity = self._who(match, start)
        if entity is None:
            return
        cue = (start + match.start("cue"), start + match.end("cue"))
        self._add_clause(
            start + match.start("clause"), start + match.end("clause"), entity, cue, 0.65
        )
        self._remember(entity)

    def _add_clause(self, start: int, end: int, entity, cue, confidence: float) -> None:
        while end > start and self.text[end - 1] in ".!? ":
            end -= 1
        if self.text[start:end].startswith("that "):
            start += 5
        if end - start >= 8:
            self._add(start, end, "indirect", entity, cue, confidence)

    # -- speakers -------------------------------------------------------------------

    def _who(self, match: re.Match, offset: int) -> Entity | None:
        """The entity an attribution's ``who`` group names; remembers where the mention is
        (``self.mention``) for the quote about to be added."""
        raw = match.group("who")
        who = raw.strip()
        start = offset + match.start("who") + (len(raw) - len(raw.lstrip()))
        if re.fullmatch(SUBJECT_PRONOUN, who):
            self.mention = (start, start + len(who))
            return self.registry.person_for_pronoun()
        noun = match.groupdict().get("noun")
        if noun and who.lower().startswith("the "):
            self.mention = (start, start + len(who))
            return self.registry.organisation(noun) or self.registry.resolve(
                who[4:].strip().capitalize()
            )
        return self._resolve_phrase(who, start)

    def _resolve_phrase(self, phrase: str, start: int | None = None) -> Entity | None:
        """The entity an attribution phrase names: 'Belarus expert Arve Hansen to TV 2'.
        With the phrase's ``start`` in the text, remembers where the name is."""
        if start is not None:
            start += len(phrase) - len(phrase.lstrip())
        phrase = AFTER_NAME.sub("", phrase.strip())
        description = ""
        comma = phrase.find(",")
        if comma > 0:
            phrase, description = phrase[:comma], phrase[comma + 1 :].strip()
        if re.fullmatch(SUBJECT_PRONOUN, phrase):
            if start is not None:
                self.mention = (start, start + len(phrase))
            return self.registry.person_for_pronoun()
        org = re.fullmatch(ORG_NOUN, phrase)
        if org:
            if start is not None:
                self.mention = (start, start + len(phrase))
            return self.registry.organisation(org.group("noun")) or self.registry.resolve(
                phrase[4:].strip().capitalize()
            )
        names = _names(phrase)
        if not names:
            return None
        name, at = names[-1]
        if start is not None and self.text[start + at : start + at + len(name)] == name:
            self.mention = (start + at, start + at + len(name))
        lead = phrase[:at].strip()
        if lead and not description:
            description = re.sub(r"^(?:the|a|an)\s+", "", lead, flags=re.IGNORECASE)
        description = re.sub(r"^(?:the|a|an)\s+", "", description.rstrip(". "))
        return self.registry.resolve(name, description)

    def _nearby_speaker(self, p_start: int, position: int) -> Entity | None:
        lead = self.text[p_start:position]
        names = _names(lead)
        if names:
            return self.registry.resolve(names[-1][0])
        return self.registry.last_speaker

    def _remember(self, entity: Entity | None) -> None:
        if entity is not None:
            self.registry.last_speaker = entity

    # -- helpers --------------------------------------------------------------------

    def _add(self, start: int, end: int, kind: str, entity, cue, confidence: float) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start:
            return
        mention, self.mention = self.mention, None
        if any(q.start == start and q.end == end for q, _ in self.found):
            return
        self._remember(entity)
        self.found.append(
            (
                QuoteSuggestion(
                    start=start,
                    end=end,
                    text=self.text[start:end],
                    kind=kind,
                    speaker_start=mention[0] if mention and entity else None,
                    speaker_end=mention[1] if mention and entity else None,
                    cue_start=cue[0] if cue else None,
                    cue_end=cue[1] if cue else None,
                    confidence=confidence,
                ),
                entity,
            )
        )

    def _trim_comma(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1] in ", ":
            end -= 1
        return end

    def _sentence_start(self, p_start: int, position: int) -> int:
        lead = self.text[p_start:position]
        ends = [m.end() for m in SENTENCE_END.finditer(lead)]
        return p_start + ends[-1] if ends else p_start

    def _sentence_end(self, position: int, p_end: int) -> int:
        match = SENTENCE_END.search(self.text, position, p_end)
        return match.end() if match else p_end


def _interview_answers(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """In an interview printed as bare questions and answers, where each answer starts:
    the paragraph after a short question, when the article has at least three."""
    questions = [
        i
        for i, (start, end) in enumerate(paragraphs)
        if text[end - 1] == "?"
        and len(text[start:end].split()) <= 30
        and not marks.segments(text, start, end)
        and not DASH.match(text[start:end])
        and not QA.match(text[start:end])
    ]
    if len(questions) < 3:
        return set()
    return {
        paragraphs[i + 1][0]
        for i in questions
        if i + 1 < len(paragraphs) and i + 1 not in questions
    }


def _names(phrase: str) -> list[tuple[str, int]]:
    """Capitalised name sequences in ``phrase`` with their offsets; organisation names may
    include 'of', 'for' and 'and'."""
    result = []
    for match in NAME.finditer(phrase):
        words = match.group().split()
        offset = match.start()
        while words and (words[0] in NOT_NAMES or words[0].lower() in SMALL_WORDS):
            offset += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].lower() in SMALL_WORDS:
            words = words[:-1]
        if len(words) >= 3 and words[0].lower().endswith(ROLE_ENDINGS) and words[0].isalpha():
            offset += len(words[0]) + 1
            words = words[1:]
        if words and not (len(words) == 1 and words[0] in NOT_NAMES):
            name = " ".join(
                w.rstrip(".’'") if not re.fullmatch(r"[A-Z]\.", w) else w for w in words
            )
            if name and name[0].isupper():
                result.append((name, offset))
    return result


def _is_title(words: list[str]) -> bool:
    """Title Case words such as a report's or a film's name."""
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if not letters or len(letters) > 8:
        return False
    capitalised = [w for w in letters if w[0].isupper() or w.lower() in SMALL_WORDS]
    return len(capitalised) == len(letters) and sum(w[0].isupper() for w in letters) >= 2


def _sentence_ends(text: str, start: int, end: int, quoted) -> list[int]:
    ends = []
    for match in SENTENCE_END.finditer(text, start, end):
        position = match.end()
        if any(q_start <= position < q_end for q_start, q_end in quoted):
            continue
        ends.append(position)
    if not ends or ends[-1] < end:
        ends.append(end)
    return ends
