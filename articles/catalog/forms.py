"""What the speaker catalog page reads from its query and its forms post; the rules are
``articles.speakers``'."""

from django import forms
from django.utils.translation import gettext_lazy as _

STATUSES = [("", _("All")), ("proposed", _("Proposed")), ("confirmed", _("Confirmed"))]
SORTS = [("name", _("Name")), ("-quotes", _("Most quoted")), ("-created", _("Newest"))]


class CatalogQuery(forms.Form):
    q = forms.CharField(label=_("Name or alias"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=STATUSES, required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=300)


class AliasForm(forms.Form):
    alias = forms.CharField(label=_("Other spelling"), max_length=200)


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Merge into"),
        max_length=200,
        help_text=_("The name (or an alias) of the speaker who stays."),
    )
