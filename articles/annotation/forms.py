"""The annotator's forms: a quote, judging suggestions at once, Done and Reopen."""

from django import forms

from articles.annotation.workspace import project_targets
from articles.models import Assignment, Quote, Speaker
from articles.types import QuoteInput
from newsannot.prepared import PreparedQuery

# Checked on every quote saved: compiled once per process.
_project_speaker = PreparedQuery(
    lambda project_id, pk: Speaker.objects.filter(project_id=project_id, pk=pk).order_by()[:1]
)


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
        return cls(request.POST, article=article, targets=project_targets(article.project))

    def clean(self):
        data = super().clean()
        text = self.article.text
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None:
            if end <= start:
                self.add_error("end", f"must be greater than start ({start}).")
            elif end > len(text):
                self.add_error(
                    "end", f"{end} is past the end of the article text ({len(text)} characters)."
                )
            elif "text" in data and text[start:end] != data["text"]:
                self.add_error(
                    "text",
                    f"does not match the article at {start}–{end}: the article has "
                    f"“{_preview(text[start:end])}”, the request “{_preview(data['text'])}”. "
                    "Reload the page and select again.",
                )
        self._clean_speaker(data)
        self._clean_cue(data, len(text))
        unknown = sorted(
            key for key in self.data if key.startswith("stance-") and key not in self.fields
        )
        if unknown:
            self.add_error(None, f"{unknown[0]}: no such stance target in this project.")
        return data

    def _clean_speaker(self, data):
        speaker_id = data.get("speaker")
        if speaker_id is not None:
            speaker = _project_speaker.first(self.article.project_id, speaker_id)
            if speaker is None:
                self.add_error("speaker", f"no speaker with id {speaker_id} in this project.")
            data["speaker"] = speaker
        data["speaker_name"] = " ".join(data.get("speaker_name", "").split())

    def _clean_cue(self, data, length):
        cue_start, cue_end = data.get("cue_start"), data.get("cue_end")
        if (cue_start is None) != (cue_end is None):
            self.add_error("cue_end", "give both ends of the cue, or neither.")
        elif cue_start is not None and (cue_end <= cue_start or cue_end > length):
            self.add_error("cue_end", f"the cue {cue_start}–{cue_end} is not inside the text.")

    def error_messages(self) -> list[str]:
        """Each error as "field: message" (non-field errors as they are), for the panel."""
        return [
            f"{name}: {error}" if name != "__all__" else error
            for name, errors in self.errors.items()
            for error in errors
        ]

    def quote_input(self) -> QuoteInput:
        data = self.cleaned_data
        stances = {
            target: data[f"stance-{pk}"]
            for pk, target in self.targets.items()
            if data.get(f"stance-{pk}")
        }
        return QuoteInput(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            kind=data["kind"],
            speaker=data.get("speaker"),
            new_speaker_name=data["speaker_name"] if data.get("speaker") is None else "",
            new_speaker_description=data.get("speaker_description", ""),
            cue_start=data.get("cue_start"),
            cue_end=data.get("cue_end"),
            stances=stances,
        )


class JudgeSuggestionsForm(forms.Form):
    """Accept or reject, at once, the waiting suggestions the annotator confirmed."""

    MAX_QUOTES = 5000

    action = forms.ChoiceField(choices=[("accept", "Accept all"), ("reject", "Reject all")])
    quotes = forms.CharField(max_length=100_000, help_text="The quote ids, comma-separated.")

    def clean_quotes(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data["quotes"].split(",")]
        # At most 18 digits, as in URLs: no id may overflow a 64-bit column.
        if not all(part.isascii() and part.isdigit() and len(part) <= 18 for part in parts):
            raise forms.ValidationError("give quote ids separated by commas.")
        ids = [int(part) for part in parts]
        if len(ids) > self.MAX_QUOTES:
            raise forms.ValidationError(f"at most {self.MAX_QUOTES} quotes at once.")
        return ids

    def error_text(self) -> str:
        return " ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(Assignment.Status.DONE, "Done"), (Assignment.Status.IN_PROGRESS, "Reopen")]
    )


def _preview(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
