"""Rule-based quote, speaker and stance-free attribution extraction, with no Django imports.

``extract_quotes(text, scope=Scope.CLAUSES)`` finds direct, mixed and indirect quotes with
their speakers and cues; ``Scope.WIDE`` adds what PARC counts beyond reported clauses
('urged voters to stay home'). ``extract_speakers(text)`` lists the people and
organisations quoted, with the aliases (surnames, misspellings) and descriptions the text
uses for them. Offsets are code points into ``text``.
"""

from articles.extraction.engine import extract, extract_quotes, extract_speakers
from articles.extraction.model import QuoteSuggestion, Scope, SpeakerEntry

__all__ = [
    "QuoteSuggestion",
    "Scope",
    "SpeakerEntry",
    "extract",
    "extract_quotes",
    "extract_speakers",
]
