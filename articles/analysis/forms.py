"""What a corpus view reads, chosen in its GET query."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from articles.analysis.corpus import Source


class SourceForm(forms.Form):
    labels = forms.ChoiceField(
        label=_("Labels"),
        choices=[
            ("gold", _("Gold where adjudicated, else the annotators'")),
            ("annotators", _("The annotators' only")),
        ],
        required=False,
    )
    annotator = forms.ModelChoiceField(
        label=_("Annotator"),
        queryset=get_user_model().objects.none(),
        to_field_name="username",
        required=False,
        empty_label=_("Every annotator"),
    )

    def __init__(self, data, *, project):
        super().__init__(data)
        self.fields["annotator"].queryset = project.members.order_by("username")

    def source(self) -> Source:
        """The choice as a ``Source``; call after ``is_valid()``."""
        data = self.cleaned_data
        return Source(
            gold=data.get("labels", "gold") != "annotators", annotator=data.get("annotator")
        )
