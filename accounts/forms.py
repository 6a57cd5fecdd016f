from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiToken

LIFETIMES = {
    "30": timedelta(days=30),
    "90": timedelta(days=90),
    "365": timedelta(days=365),
    "never": None,
}


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text=_("What it is for, e.g. 'analysis laptop'."))
    lifetime = forms.ChoiceField(
        choices=[("30", "30 days"), ("90", "90 days"), ("365", "a year"), ("never", "never")],
        initial="90",
        label=_("Expires after"),
    )
    scope = forms.ChoiceField(
        initial=ApiToken.Scope.READ,
        required=False,  # least privilege when not given
        help_text=_(
            "A read-only token cannot change anything, whoever holds it. No token does "
            "more than your role allows, now or later."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.allowed_scopes = allowed = ApiToken.Scope.allowed_for(user)
        scope = self.fields["scope"]
        scope.choices = [(choice.value, choice.label) for choice in allowed]
        scope.error_messages["invalid_choice"] = (
            f"%(value)s is not a scope your role allows (choose from {', '.join(allowed)})."
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if ApiToken.objects.filter(user=self.user, name__iexact=name).exists():
            raise forms.ValidationError(_("You already have a token with this name."))
        return name

    def clean_scope(self):
        return self.cleaned_data["scope"] or ApiToken.Scope.READ

    def expiry(self):
        return LIFETIMES[self.cleaned_data["lifetime"]]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("The browser's language")), *settings.LANGUAGES],
    )
