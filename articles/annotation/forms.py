"""The annotator's forms: a quote, judging suggestions at once, Done and Reopen."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Assignment, Quote
from articles.quote_checks import QuoteInvalid, check_quote, stance_targets
from articles.types import QuoteInput


class QuoteForm(forms.Form):
    """What the workspace posts for a quote, checked against the article it points into.

    Offsets are code points. The browser sends the text it believes it selected, and a
    mismatch with the stored text is an error, never silently corrected.
    """

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    text = forms.CharField(strip=False, max_length=1024 * 1024)
    kind = forms.ChoiceField(choices=Quote.Kind.choices, initial=Quote.Kind.DIRECT)
    speaker = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)  # an id
    speaker_name = forms.CharField(required=False, max_length=200)
    speaker_description = forms.CharField(required=False, max_length=300)
    cue_start = forms.IntegerField(required=False, min_value=0)
    cue_end = forms.IntegerField(required=False, min_value=1)
    # Where the text names the speaker: kept as the quote had it unless changed.
    speaker_start = forms.IntegerField(required=False, min_value=0)
    speaker_end = forms.IntegerField(required=False, min_value=1)
    version = forms.IntegerField(required=False, min_value=1)
    request_id = forms.UUIDField(required=False)

    def __init__(self, *args, article, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.targets = {target.pk: target for target in targets}
        labels = [("", "none"), *((label, label) for label in article.project.stance_labels)]
        for target in targets:
            self.fields[f"stance-{target.pk}"] = forms.ChoiceField(
                choices=labels, required=False, label=target.name
            )

    @classmethod
    def posted(cls, request, article) -> "QuoteForm":
        """The form bound to what the request posted, with the article's project's targets."""
        return cls(request.POST, article=article, targets=stance_targets(article.project))

    def clean(self):
        """The parsed fields checked against the article by ``check_quote``, the one
        validator the API's serializer calls too."""
        data = super().clean()
        stances = {
            _target_key(key): data.get(key) or ""
            for key in self.data
            if key.startswith("stance-") and (key not in self.fields or data.get(key))
        }
        try:
            self._checked = check_quote(
                self.article, list(self.targets.values()), {**data, "stances": stances}
            )
        except QuoteInvalid as invalid:
            for name, messages in invalid.errors.items():
                for message in messages:
                    self.add_error(name, message)
        return data

    def error_messages(self) -> list[str]:
        """Each error as "field: message" (non-field errors as they are), for the panel."""
        return [
            f"{name}: {error}" if name != "__all__" else error
            for name, errors in self.errors.items()
            for error in errors
        ]

    def quote_input(self) -> QuoteInput:
        """The checked quote; call after ``is_valid()``."""
        return self._checked


class JudgeSuggestionsForm(forms.Form):
    """Accept or reject, at once, the waiting suggestions the annotator confirmed."""

    MAX_QUOTES = 5000

    action = forms.ChoiceField(choices=[("accept", "Accept all"), ("reject", "Reject all")])
    quotes = forms.CharField(max_length=100_000, help_text=_("The quote ids, comma-separated."))

    def clean_quotes(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data["quotes"].split(",")]
        # At most 18 digits, as in URLs: no id may overflow a 64-bit column.
        if not all(part.isascii() and part.isdigit() and len(part) <= 18 for part in parts):
            raise forms.ValidationError(_("give quote ids separated by commas."))
        ids = [int(part) for part in parts]
        if len(ids) > self.MAX_QUOTES:
            raise forms.ValidationError(
                _("at most %(count)s quotes at once.") % {"count": self.MAX_QUOTES}
            )
        return ids

    def error_text(self) -> str:
        return " ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(Assignment.Status.DONE, "Done"), (Assignment.Status.IN_PROGRESS, "Reopen")]
    )


def _target_key(key: str):
    """The target id in a ``stance-<id>`` field name (the name's rest if it is no id)."""
    rest = key.removeprefix("stance-")
    return int(rest) if rest.isascii() and rest.isdigit() and len(rest) <= 18 else rest
