"""What the project and members pages post; the rules are ``articles.projects``'."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from articles.models import DEFAULT_STANCE_LABELS
from articles.projects import SETTINGS


class ProjectForm(forms.Form):
    name = forms.CharField(max_length=200)
    slug = forms.SlugField(
        max_length=80,
        help_text=_(
            "Letters, digits, hyphens: the project's address and its exports' name. "
            "It cannot change later."
        ),
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    guidelines = forms.CharField(
        required=False,
        help_text=_("Markdown (raw HTML is shown as text). The preview below follows as you type."),
        widget=forms.Textarea(
            attrs={
                "rows": 12,
                "hx-post": reverse_lazy("articles:guidelines-preview"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#guidelines-preview",
                "hx-swap": "outerHTML",
            }
        ),
    )
    stance_labels = forms.CharField(
        initial=", ".join(DEFAULT_STANCE_LABELS),
        help_text=_("The labels a stance can take, separated by commas; at least two."),
    )
    annotators_per_article = forms.IntegerField(
        min_value=1, max_value=100, initial=1, help_text=_("How many annotators see each article.")
    )
    blind = forms.BooleanField(
        required=False, initial=True, help_text=_("Annotators see only their own quotes.")
    )
    suggest_on_import = forms.BooleanField(
        required=False, help_text=_("Run the quote extraction engine on every imported article.")
    )
    researchers_suggest = forms.BooleanField(
        required=False, help_text=_("Researchers may post model predictions as suggestions.")
    )
    search_language = forms.ChoiceField(
        label=_("Quote search"),
        choices=[
            ("simple", _("Words as written (any language)")),
            ("english", _("English (by word stems)")),
            ("norwegian", _("Norwegian (by word stems)")),
        ],
        initial="simple",
        required=False,
        help_text=_("How the quote search reads words (on PostgreSQL)."),
    )
    attribution_scope = forms.ChoiceField(
        label=_("Attribution scope"),
        choices=[
            ("clauses", _("Quotes and reported speech with a clause (“said that …”)")),
            (
                "wide",
                _("Also what a verb attributes without a clause (“urged voters to …”), as PARC"),
            ),
        ],
        initial="clauses",
        required=False,
        help_text=_(
            "What the quote suggestions take as attributed. A change applies to the next "
            "run of suggestions, not to those stored."
        ),
    )
    targets = forms.CharField(
        required=False,
        label=_("Stance targets"),
        help_text=_("One a line, e.g. “Offshore wind expansion”. More can be added later."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:  # the slug is fixed, targets have their own section
            del self.fields["slug"]
            del self.fields["targets"]

    def clean_search_language(self):
        return self.cleaned_data["search_language"] or "simple"

    def clean_attribution_scope(self):
        return self.cleaned_data["attribution_scope"] or "clauses"

    def clean_stance_labels(self):
        return [label.strip() for label in self.cleaned_data["stance_labels"].split(",")]

    def clean_targets(self):
        return [line.strip() for line in self.cleaned_data["targets"].splitlines() if line.strip()]

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in SETTINGS}

    @staticmethod
    def initial_of(project) -> dict:
        initial = {name: getattr(project, name) for name in SETTINGS}
        initial["stance_labels"] = ", ".join(project.stance_labels)
        return initial


class TargetForm(forms.Form):
    name = forms.CharField(max_length=200, label=_("New target"))
    description = forms.CharField(required=False, max_length=2000)


class MembersForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        to_field_name="username",
        label=_("Add members"),
        help_text=_("Active people who are not members yet. Each works here in their role."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = (
            User.objects.filter(is_active=True).exclude(projects=project).order_by("username")
        )


def errors_onto(form: forms.Form, errors: dict[str, list[str]]) -> None:
    """A service's ``{field: messages}`` onto the form: on the field it names, else atop."""
    for name, messages in errors.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
