"""The forms of team work: giving articles to annotators (the admin's assign, the
distribution page's distribute and reassign) and the admin's speaker merge."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from articles.models import Speaker


def _annotators(project=None):
    """Active users with the annotator role, by name; with ``project``, only its members."""
    users = get_user_model().objects.filter(is_active=True, groups__name=Role.ANNOTATOR)
    if project is not None:
        users = users.filter(projects=project)
    return users.order_by("username")


class AssignAnnotatorsForm(forms.Form):
    annotators = forms.ModelMultipleChoiceField(
        queryset=_annotators(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each selected article is assigned to each of these annotators."),
    )


class DistributeForm(forms.Form):
    annotators = forms.ModelMultipleChoiceField(
        queryset=_annotators(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each article goes to this many different people among the chosen."),
    )
    per_article = forms.IntegerField(min_value=1, max_value=20, label=_("Annotators per article"))

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annotators"].queryset = _annotators(project)
        self.fields["per_article"].initial = project.annotators_per_article


class ReassignForm(forms.Form):
    leaving = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Annotator who left"),
    )
    annotators = forms.ModelMultipleChoiceField(
        queryset=_annotators(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Give their unfinished articles to"),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annotators"].queryset = _annotators(project)
        self.fields["leaving"].queryset = (
            get_user_model()
            .objects.filter(assignments__article__project=project)
            .distinct()
            .order_by("username")
        )


class MergeSpeakersForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        label=_("Merge into"),
        help_text=_("The selected speakers' quotes move here; their names become its aliases."),
    )

    def __init__(self, *args, project, merging, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Speaker.objects.filter(project=project).exclude(
            pk__in=[speaker.pk for speaker in merging]
        )
