"""The words around a name in prose that tell whether it is its sentence's subject, salient
for a later 'he' or 'she' (read by names.names_in_prose): a verb after it, or a word
before it that makes it an object, a reported clause's subject or a noun's qualifier."""

# Lower-case words after a name that do not make it a verb's subject ('on Lukashenko
# for wider support').
NOT_VERBS = frozenset(
    """for of and or to in on at with from by as that who which whose when where than
    but nor if while after before since until into about against over under between
    through during per via because although though unless whereas""".split()
)
# Words that open a noun phrase: a name before one is a verb's object ('have given Berg
# a chance', 'told Holt the plan'), never a subject, whose verb would come next.
NOUN_OPENERS = frozenset("the a an his her its their our my your these those".split())


# Verbs of saying and thinking, and "that": a name after one is the subject of what is
# reported ("Voss said Haskins had driven", "aides suggest Berg will"), not of the sentence.
REPORTING = frozenset(
    """said says told tells added adds argued argues noted notes claimed claims insisted
    insists warned warns believes believe thinks think that saying arguing noting adding
    claiming insisting warning say tell argue note claim insist warn suggest suggests
    suggesting acknowledge acknowledges admit admits explains explain predicts predict
    announces announce hopes hope fears fear expects expect""".split()
)


ARTICLES = frozenset(("the", "a", "an"))
# Words that open a subordinate clause, whose subject is not the sentence's.
SUBORDINATORS = frozenset(
    "if unless because although though while whereas until since once after before".split()
)
# Nouns a name qualifies: 'the Berg campaign', 'Lund supporters', 'the Holt era'.
QUALIFIED_NOUNS = frozenset(
    """campaign campaigns supporters supporter administration aides aide allies ally camp
    team officials spokesman spokeswoman spokesperson adviser advisers advisor advisors
    staff staffers era presidency rally rallies speech speeches voters backers loyalists
    family fans donors surrogates surrogate voter""".split()
)
QUESTION_WORDS = frozenset("who what why how whether where when".split())


# Prepositions whose object a name after them is.
PREPOSITIONS = frozenset(
    """to with of for by on from against about over into toward towards like than between
    among behind beyond despite including via upon without within around""".split()
)
