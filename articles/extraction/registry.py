"""The people and organisations of one article: each mention (a surname, a misspelling,
a title, a pronoun, "the ministry") tied to one entity, whose name is the fullest form
the text gives, spelled as the text spells it most often; who spoke last, and how salient
each is for a pronoun.

The registry keeps the article's entities indexed by folded surname, so that finding
whom a mention means costs about the same whatever the length of the article. A
checkpoint journals every change made after it, and a restore undoes them, so that a
look-up whose result is thrown away leaves no trace."""

from __future__ import annotations

from typing import NamedTuple

from articles.extraction import antecedents
from articles.extraction import gender as genders
from articles.extraction.entities import Entity
from articles.extraction.month_names import with_given_month
from articles.extraction.name_shapes import (
    described_not_named,
    fits_forms,
    particle_surname,
    surname_only,
)
from articles.extraction.names import (
    GENERIC_ORG_NOUNS,
    NOT_NAME_OPENERS,
    can_speak,
    is_org,
    is_place,
    opener_shaped,
    renamed,
    role_noun,
    roles,
)
from articles.extraction.sentence_openings import TIME_NOUNS
from articles.extraction.spelling import deletions, fold, similar
from articles.extraction.thing_names import names_a_thing
from articles.extraction.vocabulary import Vocabulary


class Checkpoint(NamedTuple):
    """A registry as ``Registry.checkpoint`` found it: its salience, how many entities
    it knew, and how long its journal of changes was then. A named tuple, as the wide
    scope takes one for each subject it looks up."""

    last: tuple  # the last speaker, the last mentioned, the last person
    tick: int
    recent: list
    journal_at: int
    entities: int  # how many entities were known
    writer: Entity | None


# What a journal entry undoes, told by its first item (an Entity: that entity's fields).
_PUT = 0  # a mapping's key, set or added: put back its old value, or remove it
_APPEND = 1  # items appended to a list: cut it back to its old length
_SURNAME = 2  # a surname first met: take it out of the surname indexes
_READ = 3  # a text read: put back the vocabulary read before
_MISSING = object()  # a mapping's old value when it had none

_RECENT = 60  # entities remembered for pronouns
_MAX_FORMS = 12  # spellings of one name kept to choose its canonical form
_GENDER_FITS = 1 << 40  # ranks a title's fitting gender above any event count


class Registry:
    """The people and organisations met so far in one article, who spoke last, and how
    salient each is for a pronoun. ``text`` (the article) lets it tell common words from
    names and count how the whole text spells each name, captions included."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.last_speaker: Entity | None = None
        self.last_mentioned: Entity | None = None
        self.last_person: Entity | None = None
        self._writer: Entity | None = None
        self._known: dict[str, Entity] = {}  # every folded mention seen, to its entity
        self._by_surname: dict[str, list[Entity]] = {}  # folded last word -> persons
        # Each surname under itself with one or two letters deleted: two spellings within
        # the edit distance ``similar`` allows share one of these (symmetric deletion).
        # Lists, mostly of one surname, appended to (a new tuple each time was quadratic in
        # a long text): a set for each was most of what the garbage collector visited, and
        # extraction runs with the collector off (engine).
        self._surnames_by_deletion: dict[str, list[str]] = {}
        self._similar: dict[str, set[str]] = {}  # known surname -> known ones like it
        self._similar_cache: dict[str, tuple[int, set[str]]] = {}
        self._recent: list[Entity] = []
        # Entity -> its last attribution's span. Keyed by the entity itself, not its id():
        # an unnamed entity a look-up made can be freed and its id reused by a new one,
        # which then had the old one's span (the output varied from run to run).
        self._mentions: dict[Entity, tuple[int, int]] = {}
        self._introductions: dict[int, tuple[int, int]] = {}  # paragraph -> 'He said:' span
        self._tick = 0
        # While a checkpoint is out: what each change replaced, in order (an entity's
        # fields, a mapping's old value, a list's old length, a new surname, the text read
        # before), so that a restore undoes only what changed rather than a checkpoint
        # copying everything.
        self._journal: list[tuple] | None = None
        self._checkpoints = 0
        self._vocabulary = Vocabulary()
        # Each text read (the article, then as the engine marked it up): its vocabulary.
        self._texts_read: list[Vocabulary] = []
        self.read(text)

    def read(self, text: str) -> None:
        """Learn the article's vocabulary (once): lower-case words and name spellings."""
        if not text or self._vocabulary.text is text:
            return
        if self._journal is not None:
            # A look-up may be first to read the text the engine marked up ('' made "):
            # a restore goes back to the vocabulary read before.
            self._journal.append((_READ, self._vocabulary))
        for read in self._texts_read:
            if read.text is text:
                # Read again after a restore: what was read of it then, not a new scan.
                self._vocabulary = read
                return
        self._vocabulary = Vocabulary(text)
        self._texts_read.append(self._vocabulary)

    @property
    def text(self) -> str:
        """The text whose vocabulary was read last."""
        return self._vocabulary.text

    def common_word(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case (a word, not a name)."""
        return self._vocabulary.common_word(word)

    def opens_sentences_only(self, word: str) -> bool:
        """Whether the text capitalises ``word`` only where a sentence or a line opens."""
        return self._vocabulary.opens_sentences_only(word)

    # -- finding ------------------------------------------------------------------------

    def find(self, mention: str, gender: str | None = None) -> Entity | None:
        """The entity a mention (full name, surname, misspelling) refers to, if known;
        ``gender`` (from a title: "Mrs. Clinton") rules out people of the other one."""
        key = fold(mention)
        known = self._known.get(key)
        if known is not None and (not known.org or known.name):
            if not known.org and surname_only(mention.split(), self._vocabulary.text):
                # A bare surname means the most salient person of that name.
                return self._find(mention, gender) or known
            return known
        found = self._find(mention, gender)
        if found is not None and len(mention.split()) > 1:
            if self._journal is not None:
                self._old_value(self._known, key)
            self._known[key] = found
        return found

    def _candidates(self, surname: str) -> list[Entity]:
        key = fold(surname)
        found = list(self._by_surname.get(key, ()))
        for other in self._similar_surnames(key):
            found.extend(self._by_surname[other])
        return found

    def _similar_surnames(self, key: str) -> set[str]:
        """The known surnames spelled like ``key`` (itself left out). Known surnames keep
        theirs up to date; another key's is remembered until a new surname arrives."""
        known = self._similar.get(key)
        if known is not None:
            return known
        cached = self._similar_cache.get(key)
        if cached is not None and cached[0] == len(self._by_surname):
            return cached[1]
        others = set()
        if len(key) >= 5:
            by_deletion = self._surnames_by_deletion
            # Of the key's dozens of variants, few are any known surname's: the set
            # intersection finds those in C, rather than a look-up for each.
            for variant in by_deletion.keys() & deletions(key):
                others.update(by_deletion[variant])
            others = {other for other in others if other != key and similar(other, key)}
        # Journaled: a look-up's surnames, once a restore forgot them, must not come back
        # through what was read while they were known (the count alone would match again).
        if self._journal is not None:
            self._old_value(self._similar_cache, key)
        self._similar_cache[key] = (len(self._by_surname), others)
        return others

    def _new_surname(self, key: str) -> None:
        others = self._similar_surnames(key)
        if self._journal is not None:
            # One entry for the dozens of indexes a surname goes under: a restore takes it
            # out of them all (``_forget_surname``).
            self._journal.append((_SURNAME, key, others))
        self._similar[key] = set(others)
        for other in others:
            self._similar.setdefault(other, set()).add(key)
        if len(key) >= 5:
            by_deletion = self._surnames_by_deletion
            for variant in deletions(key):
                keys = by_deletion.get(variant)
                if keys is None:
                    by_deletion[variant] = [key]
                else:
                    keys.append(key)  # not a new tuple: long texts share variants widely

    def _forget_surname(self, key: str, others: set[str]) -> None:
        """Undo ``_new_surname(key)``, which found the known surnames ``others`` like it."""
        del self._similar[key]
        for other in others:
            self._similar[other].discard(key)  # every known surname has its set
        if len(key) >= 5:
            by_deletion = self._surnames_by_deletion
            for variant in deletions(key):
                keys = by_deletion[variant]
                keys.remove(key)  # each surname is under a variant once
                if not keys:
                    # Lists here are never empty: this one was made for the surname.
                    del by_deletion[variant]

    def _find(self, mention: str, gender: str | None = None) -> Entity | None:
        words = mention.split()
        text = self._vocabulary.text
        best, best_at = None, -2
        for entity in self._candidates(words[-1]):
            if not fits_forms(entity.forms or (entity.name,), words, text):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            at = max(entity.spoke_at, entity.subject_at, entity.mentioned_at)
            # A title's gender prefers someone whose first name has it: 'Mr. Lie' is Tormod
            # Lie, not Ivana Lie met since, whom the text's 'Mr. Lie' alone made a man.
            if gender and genders.of_first_name(entity.name.split()[0]) == gender:
                at += _GENDER_FITS
            if at > best_at:
                best, best_at = entity, at
        return best

    # -- registering --------------------------------------------------------------------

    def clean(self, name: str) -> str:
        """``name`` without leading words the text also writes in lower case ('Does
        Rubio', 'See Sexton'), unless it names an organisation."""
        words = name.split()
        if is_org(name):
            return name
        while (
            len(words) > 1
            and (self.common_word(words[0]) or self._opener(words))
            and not genders.of_first_name(words[0])
            and not particle_surname(
                words, self._vocabulary.text
            )  # 'de Vos': the article writes 'de' in lower case
        ):
            words = words[1:]
        return " ".join(words)

    def _opener(self, words: list[str]) -> bool:
        """Whether the first of a name's ``words`` opens the sentence rather than the name:
        a word no name starts with ('Neither Berg'), or a participle or adverb the text
        capitalises only where a sentence opens ('Praising Berg', 'Mostly for Berg')."""
        word = words[0]
        if word in NOT_NAME_OPENERS:
            return True
        # Before more capitalised words it more often starts a name ('Rising Tide Fisheries').
        capitalised = sum(w[:1].isupper() for w in words[1:])
        return (
            capitalised == 1
            and fold(word) not in TIME_NOUNS  # 'Morning Joe', a programme
            and opener_shaped(word)
            and self._vocabulary.opens_sentences_only(word)
        )

    def resolve(
        self,
        mention: str,
        description: str = "",
        gender: str | None = None,
        subject: bool = True,
        salient: bool = True,
    ) -> Entity:
        """The entity a name mention means, registering it if new; ``subject``: whether
        the mention is its sentence's subject (an attribution's always is); ``salient``:
        whether the mention makes it recent for a pronoun."""
        mention = self.clean(mention)
        found = self.find(mention, gender)
        if found is None:
            found = Entity(mention, org=is_org(mention))
            self.entities.append(found)  # a checkpoint knows how many there were
            key = fold(mention)
            if self._journal is not None:
                self._old_value(self._known, key)
            self._known[key] = found
            if not found.org:
                found.gender = gender or self._vocabulary.gender_of(mention)
        else:
            if self._journal is not None:
                self._changing(found)
        self._seen_as(found, mention)
        if description and not found.description:
            found.description = description
        if gender and found.gender is None and not found.org:
            found.gender = gender
        if salient:
            self._mentioned(found, subject=subject)
        return found

    def describe(
        self,
        description: str,
        gender: str | None = None,
        plural: bool = False,
        org: bool = False,
        thing: bool = False,
    ) -> Entity:
        """Someone the text describes without naming ('a spokeswoman for the Treasury',
        'the hospital'): a new unnamed entity each time; only a pronoun can refer back."""
        entity = Entity(
            description, description, named=False, gender=gender, plural=plural, org=org
        )
        entity.thing = thing
        self._mentioned(entity)
        return entity

    def _seen_as(self, entity: Entity, mention: str) -> None:
        if entity.org:
            if not entity.forms:
                entity.forms[mention] += 1
            elif fold(mention) != fold(entity.name):
                entity.add_alias(mention)
            return
        if mention not in entity.forms and len(entity.forms) >= _MAX_FORMS:
            return  # enough spellings to choose a name from
        entity.forms[mention] += 1
        surname = fold(mention.split()[-1])
        bucket = self._by_surname.get(surname)
        if bucket is None:
            self._new_surname(surname)
            bucket = []
            if self._journal is not None:
                self._old_value(self._by_surname, surname)
            self._by_surname[surname] = bucket
        if entity not in bucket:
            if self._journal is not None:
                self._journal.append((_APPEND, bucket, len(bucket)))
            bucket.append(entity)
        if entity.gender is None:
            words = mention.split()
            if len(words) > 1:
                entity.gender = genders.of_first_name(words[0])
        self._name(entity)

    def _name(self, entity: Entity) -> None:
        """The fullest form seen, each word spelled as the whole text spells it most."""
        if len(entity.forms) == 1:
            # Seen one way only (most people of a long text): that form is the fullest,
            # and each of its words the only spelling of itself.
            words = next(iter(entity.forms)).split()
            positions = ()
        else:
            order = {form: i for i, form in enumerate(entity.forms)}
            fullest = max(
                entity.forms,
                key=lambda f: (len(f.split()), entity.forms[f], -order[f]),
            )
            words = fullest.split()
            positions = (0, -1) if len(words) > 1 else (-1,)
        for position in positions:
            variants: dict[str, int] = {}  # a plain dict: a Counter costs more to make
            for form in entity.forms:
                own = form.split()
                if position == 0 and len(own) < 2:
                    continue
                word = own[position]
                if similar(word, words[position]):
                    variants[word] = variants.get(word, 0) + entity.forms[form]
            if len(variants) > 1:
                # The spelling the text writes most, and of two written as often the one
                # of the first full mention, where news introduces a person by name: how
                # often the engine's rules looked a mention up is no evidence.
                vocabulary = self._vocabulary
                words[position] = max(
                    variants,
                    key=lambda w: (vocabulary.spellings[fold(w)], -vocabulary.first_written(w)),
                )
        name = " ".join(words)
        if name != entity.name:
            entity.add_alias(entity.name)
            entity.name = name
        entity.aliases = [a for a in entity.aliases if fold(a) != fold(name)]
        for form in entity.forms:
            entity.add_alias(form)

    # -- salience -----------------------------------------------------------------------

    def checkpoint(self) -> Checkpoint:
        """The registry as it is now, to go back to when a look-up is to leave no trace
        (the wide scope's gate weighing a content): who is salient, and everything a
        look-up may change, which the registry journals until the checkpoint is restored.
        Cheap: it copies only the recent entities; a look-up pays for what it changes."""
        if self._journal is None:
            self._journal = []
        self._checkpoints += 1
        last = (self.last_speaker, self.last_mentioned, self.last_person)
        return Checkpoint(
            last,
            self._tick,
            list(self._recent),
            len(self._journal),
            len(self.entities),
            self._writer,
        )

    def restore(self, checkpoint: Checkpoint) -> None:
        """Make the registry what it was at ``checkpoint``: the same entities, names,
        spellings, attributions and salience, so that what the look-up met since is
        unknown again."""
        self.last_speaker, self.last_mentioned, self.last_person = checkpoint.last
        self._tick = checkpoint.tick
        self._recent = checkpoint.recent
        del self.entities[checkpoint.entities :]
        self._writer = checkpoint.writer
        journal = self._journal
        # Backwards, so that what changed twice gets its value from before the first change.
        for entry in reversed(journal[checkpoint.journal_at :]):
            kind = entry[0]
            if kind.__class__ is Entity:
                kind.__dict__.update(entry[1])
            elif kind == _PUT:
                _, mapping, key, old = entry
                if old is _MISSING:
                    del mapping[key]
                else:
                    mapping[key] = old
            elif kind == _APPEND:
                del entry[1][entry[2] :]
            elif kind == _SURNAME:
                self._forget_surname(entry[1], entry[2])
            else:
                self._vocabulary = entry[1]
        # What a checkpoint taken inside this one journaled is undone now: the registry is
        # as it was, and an outer checkpoint needs only the entries before this one's.
        del journal[checkpoint.journal_at :]
        self._checkpoints -= 1
        if not self._checkpoints:
            self._journal = None

    # Both journal, while a checkpoint is out; their callers ask whether one is, as most
    # calls come when none is and a call costs more than the test.

    def _changing(self, entity: Entity) -> None:
        """``entity`` may change (here, or by whoever the registry hands it to): journal
        its fields."""
        fields = entity.__dict__.copy()
        fields["aliases"] = list(entity.aliases)
        fields["forms"] = entity.forms.copy()
        self._journal.append((entity, fields))

    def _old_value(self, mapping: dict, key) -> None:
        """``mapping[key]`` is about to be set: journal its value, or that it had none."""
        self._journal.append((_PUT, mapping, key, mapping.get(key, _MISSING)))

    def _event(self) -> int:
        self._tick += 1
        return self._tick

    def _touch(self, entity: Entity) -> None:
        if self._recent and self._recent[-1] is entity:
            return  # already the most recent (most touches): moving it changes nothing
        if entity in self._recent:
            self._recent.remove(entity)
        self._recent.append(entity)
        if len(self._recent) > _RECENT:
            del self._recent[0]

    def _mentioned(self, entity: Entity, *, subject: bool = True, opens: bool = False) -> None:
        if self._journal is not None:
            self._changing(entity)
        tick = self._event()
        if subject:
            entity.subject_at = tick
        if opens:
            entity.opened_at = tick
        entity.mentioned_at = tick
        entity.mention_count += 1
        self._touch(entity)
        self.last_mentioned = entity
        if entity.person:
            self.last_person = entity

    def attributed(self, entity: Entity, span: tuple[int, int]) -> None:
        """An attribution named ``entity`` at ``span`` of the text."""
        if self._journal is not None:
            self._old_value(self._mentions, entity)
        self._mentions[entity] = span

    def introduced(self, entity: Entity, span: tuple[int, int], paragraph: int) -> None:
        """The paragraph at ``paragraph`` quotes ``entity``, named at ``span`` in the
        colon sentence before it ('He said:')."""
        if self._journal is not None:
            self._old_value(self._mentions, entity)
            self._old_value(self._introductions, paragraph)
        self._mentions[entity] = span
        self._introductions[paragraph] = span

    def mention_of(self, entity: Entity | None, since: int) -> tuple[int, int] | None:
        """Where the last attribution named ``entity``, if at ``since`` or after, or in
        the sentence introducing the paragraph at ``since``."""
        span = self._mentions.get(entity) if entity is not None else None
        if span is not None and (span[0] >= since or self._introductions.get(since) == span):
            return span
        return None

    def new_subject(self) -> Entity | None:
        """A person who became a sentence's subject after the last speaker spoke ('Walt
        Brandeberry, 71, spoke for five minutes.' before a paragraph of quotes)."""
        spoke_at = self.last_speaker.spoke_at if self.last_speaker is not None else -1
        # The latest subject, not the latest touched: 'Vesco praised Brenner's record'
        # touches Brenner after Vesco, but Vesco is whom the next paragraph's quote follows.
        subjects = [e for e in self._recent if e.person and e.named and e.subject_at > spoke_at]
        return max(subjects, key=lambda e: e.subject_at, default=None)

    def writer(self) -> Entity:
        """The 'I' of the article's own sentences: its writer, unnamed, and no one a later
        'he' or 'she' refers to."""
        if self._writer is None:
            self._writer = Entity("I", "I", named=False)
        return self._writer

    def spoke(self, entity: Entity | None) -> None:
        """``entity`` was just quoted: a later unattributed quote may be theirs."""
        if entity is not None:
            self.last_speaker = entity
            if self._journal is not None:
                self._changing(entity)
            entity.spoke_at = self._event()
            entity.spoke_count += 1
            self._touch(entity)

    def mention(self, name: str) -> None:
        """A name met in prose: known people become the last mentioned, and a name of
        two words or more that is no place is registered."""
        if is_place(name) or not can_speak(name):
            return
        name = with_given_month(self._vocabulary.text, name)  # 'May Olsen', no title 'May'
        cleaned = self.clean(name)
        if cleaned != name:
            name = renamed(name, cleaned)
        gender = getattr(name, "gender", None)
        found = self.find(name, gender)
        if found is not None and self._journal is not None:
            self._changing(found)  # its gender or description may be learned below
        titles = getattr(name, "titles", "")
        if found is None and (
            len(name.split()) >= 2
            or gender
            or (genders.of_first_name(name) and not self.common_word(name))
        ):
            # "Ellen Marsh", "Mrs. Okonjo", "Melanie": a subject only if the sentence says so
            # ('loyalists to Bernie Sanders' makes no one salient).
            found = self.resolve(name, gender=gender, subject=getattr(name, "subject", False))
        elif found is not None and found.gender is None and gender and not found.org:
            found.gender = gender
        if found is not None and titles and not found.description and not found.org:
            found.description = titles
        if found is not None:
            self._mentioned(
                found, subject=getattr(name, "subject", False), opens=getattr(name, "opens", False)
            )

    def known_form(self, name: str) -> None:
        """A person's full name written where no one is a subject (a photo caption): a
        later surname may mean them, but no 'he' or 'she' does until a sentence names
        them."""
        if len(name.split()) >= 2 and not is_place(name) and can_speak(name) and not is_org(name):
            self.resolve(name, salient=False)

    def organisation(self, noun: str) -> Entity | None:
        """The organisation that "the ministry" or "the company" refers to: one whose name
        has that word, or for a generic noun the organisation named last."""
        found = self._organisation(fold(noun))
        if found is not None and self._journal is not None:
            self._changing(found)  # whoever it is handed to may learn more of it
        return found

    def _organisation(self, key: str) -> Entity | None:
        for entity in reversed(self._recent):
            if entity.org and key in fold(entity.name):
                return entity
        for entity in reversed(self.entities):
            if entity.org and key in fold(entity.name):
                return entity
        if key in GENERIC_ORG_NOUNS:
            return next((e for e in reversed(self._recent) if e.org), None) or next(
                (e for e in reversed(self.entities) if e.org), None
            )
        return None

    def person_with_role(self, role: str) -> Entity | None:
        """Whom 'the president' or 'the Indiana governor' means: the most salient named
        person whose titles or description hold the role word."""
        key = role_noun(role)
        return self._most_salient(lambda e: e.person and e.named and key in roles(e.description))

    def person_called(self, wanted: str | None) -> Entity | None:
        """Whom a role the text gave no one before means ('the Republican nominee', 'the
        actress'): the salient named person of gender ``wanted`` who spoke or led a clause."""
        return self._most_salient(
            lambda e: (
                e.person
                and e.named
                and e is not self._writer
                and max(e.spoke_at, e.subject_at) >= 0
                and (wanted is None or e.gender in (None, wanted))
            ),
            wanted=wanted,
        )

    def person_for_pronoun(self, pronoun: str = "") -> Entity | None:
        """Whom 'he', 'she' or 'they' means: the most salient entity that fits, salience
        being how recently it spoke or was a sentence's subject (a mere mention counts
        less), and fitting its gender (from titles, first names) or number; for 'he' and
        'she' the learned ranker (antecedents.py) chooses when it is there."""
        word = pronoun.casefold().strip()
        wanted = genders.PRONOUN_GENDER.get(word)
        if word in ("they", "them", "their", "it", "its", "we"):
            group = self._most_salient(lambda e: e.org or e.plural)
            if group is not None:
                return group
        model = antecedents.load() if wanted is not None else None
        if model is not None:
            best = model.best(word, self.pronoun_candidates(wanted), self._tick, self.last_speaker)
        else:
            best = self._most_salient(
                lambda e: (
                    e.person
                    and e is not self._writer
                    and (wanted is None or e.gender in (None, wanted))
                ),
                wanted=wanted,
            )
        if best is not None:
            if self._journal is not None:
                self._changing(best)  # its gender, here, or its description, by the caller
            if wanted is not None and best.gender is None:
                best.gender = wanted  # "she" said it: she is a woman from now on
            return best
        for candidate in (self.last_person, self.last_speaker):
            if (
                candidate is not None
                and candidate is not self._writer
                and candidate.person
                and candidate.gender in (None, wanted)
            ):
                if self._journal is not None:
                    self._changing(candidate)
                return candidate
        return None

    def pronoun_candidates(self, wanted: str) -> list[Entity]:
        """The people 'he' or 'she' (of gender ``wanted``) may mean, the latest first."""
        return [
            e
            for e in reversed(self._recent)
            if e.person
            and e is not self._writer
            and e.gender in (None, wanted)
            and not e.name.isupper()  # 'PORTAGE BEND': a dateline, no one's name
            and not self._thing_named(e)  # 'South China Sea': no 'he' or 'she'
            and not names_a_thing(e.name)  # 'the Patriot Act' even where 'act' is not
            and not (e.named and described_not_named(e.name))
        ]

    def _thing_named(self, entity: Entity) -> bool:
        """Whether a name reads as a place's, a body's or a thing's ('South China Sea'): the
        first word no first name, the last written in lower case too, and never quoted."""
        words = entity.name.split()
        if not entity.named or entity.spoke_count or len(words) < 2:
            return False  # 'Tova Rask said': someone quoted is someone
        return self.common_word(words[-1]) and not genders.of_first_name(words[0])

    def _most_salient(self, fits, wanted: str | None = None) -> Entity | None:
        best, best_score = None, None
        for entity in reversed(self._recent):
            if not fits(entity):
                continue
            score = antecedents.rule_score(entity, wanted)
            if best_score is None or score > best_score:
                best, best_score = entity, score
        if best is not None and self._journal is not None:
            self._changing(best)  # the caller may learn its description
        return best
