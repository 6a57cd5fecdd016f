"""Inter-annotator agreement for quote attribution, with no Django imports.

Plain data in, numbers out: ``match_spans`` pairs two annotators' quotes, ``align`` groups
every annotator's quotes on one article into "the same quote" (``same_quote``: sharing at
least half of the longer span; what adjudication shows),
``cohen_kappa`` and ``krippendorff_alpha`` are the nominal coefficients, and
``measure_agreement`` builds the project's ``AgreementReport`` (``as_dict()`` for JSON).
"""

from articles.agreement.coefficients import cohen_kappa, krippendorff_alpha
from articles.agreement.matching import (
    DISAGREEMENTS,
    MODES,
    Group,
    SpanMatch,
    align,
    match_spans,
    same_quote,
    shares_half,
)
from articles.agreement.model import KINDS, Annotation
from articles.agreement.report import (
    AgreementReport,
    AnnotatorAgreement,
    ArticleAgreement,
    Figure,
    PairAgreement,
    SpanScore,
    measure_agreement,
)

__all__ = [
    "DISAGREEMENTS",
    "KINDS",
    "MODES",
    "AgreementReport",
    "Annotation",
    "AnnotatorAgreement",
    "ArticleAgreement",
    "Figure",
    "Group",
    "PairAgreement",
    "SpanMatch",
    "SpanScore",
    "align",
    "cohen_kappa",
    "krippendorff_alpha",
    "match_spans",
    "measure_agreement",
    "same_quote",
    "shares_half",
]
