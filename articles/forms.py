from django import forms
from django.contrib.auth import get_user_model

from accounts.roles import Role
from articles.models import Speaker


class AssignAnnotatorsForm(forms.Form):
    annotators = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.filter(is_active=True, groups__name=Role.ANNOTATOR),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each selected article is assigned to each of these annotators.",
    )


class MergeSpeakersForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        label="Merge into",
        help_text="The selected speakers' quotes move here; their names become its aliases.",
    )

    def __init__(self, *args, project, merging, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Speaker.objects.filter(project=project).exclude(
            pk__in=[speaker.pk for speaker in merging]
        )
