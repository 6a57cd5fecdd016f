"""What a corpus view reads, chosen in its GET query."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from articles.analysis.corpus import Source
from articles.models import Quote, StanceTarget


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


class QuoteSearchForm(SourceForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any")), *Quote.Kind.choices], required=False
    )
    target = forms.ModelChoiceField(
        label=_("Stance target"),
        queryset=StanceTarget.objects.none(),
        required=False,
        empty_label=_("Any"),
    )
    stance = forms.ChoiceField(label=_("Stance"), required=False)
    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=200)
    published_from = forms.DateField(label=_("Published from"), required=False)
    published_to = forms.DateField(label=_("Published to"), required=False)

    def __init__(self, data, *, project):
        super().__init__(data, project=project)
        self.fields["target"].queryset = project.targets.order_by("name")
        labels = [(label, label) for label in project.stance_labels]
        self.fields["stance"].choices = [("", _("Any")), *labels]
