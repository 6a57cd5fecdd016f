"""The articles page's GET query, checked: a bad value is a 400 naming the field."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from articles.models import Speaker, StanceTarget

STATUSES = [
    ("", _("Any status")),
    ("unassigned", _("Not assigned")),
    ("todo", _("To do")),
    ("in_progress", _("In progress")),
    ("done", _("Done by all")),
]
YES_NO = [("", _("Either")), ("yes", _("Yes")), ("no", _("No"))]
SORTS = [
    ("-published_at", _("Newest first")),
    ("published_at", _("Oldest first")),
    ("title", _("Title")),
    ("-id", _("Latest imported")),
]


class BrowseForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=STATUSES, required=False)
    annotator = forms.ModelChoiceField(
        label=_("Annotator"),
        queryset=get_user_model().objects.none(),
        to_field_name="username",
        required=False,
        empty_label=_("Anyone"),
    )
    has_quotes = forms.ChoiceField(label=_("Has quotes"), choices=YES_NO, required=False)
    adjudicated = forms.ChoiceField(label=_("Adjudicated"), choices=YES_NO, required=False)
    published_from = forms.DateField(label=_("Published from"), required=False)
    published_to = forms.DateField(label=_("Published to"), required=False)
    # A name, not a list: a project may have thousands of speakers.
    speaker = forms.CharField(
        label=_("Speaker"), required=False, max_length=200, help_text=_("A name or alias.")
    )
    target = forms.ModelChoiceField(
        label=_("Stance target"),
        queryset=StanceTarget.objects.none(),
        required=False,
        empty_label=_("Any"),
    )
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)

    def __init__(self, data, *, project):
        super().__init__(data)
        self.project = project
        self.fields["annotator"].queryset = project.members.order_by("username")
        self.fields["target"].queryset = project.targets.order_by("name")

    def clean_speaker(self):
        name = self.cleaned_data["speaker"].strip()
        if not name:
            return None
        found = Speaker.objects.filter(project=self.project).matching(name).first()
        if found is None:
            raise forms.ValidationError(_("no speaker of this project has this name or alias."))
        return found

    def clean(self):
        data = super().clean()
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", _("must not be before “Published from”."))
        return data
