"""What the People page posts; the rules are ``accounts.people``'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.people import MAX_CSV_BYTES, ROLES

ROLE_CHOICES = [(role, role) for role in ROLES]


class PersonForm(forms.Form):
    username = forms.CharField(max_length=150)
    email = forms.EmailField(help_text=_("The link to set a password goes here."))
    role = forms.ChoiceField(choices=ROLE_CHOICES, initial="annotator")


class PeopleCsvForm(forms.Form):
    """The CSV as a file (the dry run) or as the text the dry run showed (``confirm``)."""

    file = forms.FileField(
        required=False,
        label=_("CSV file"),
        help_text=_(
            "A header row naming username, email and role (annotator, reviewer, "
            "researcher or admin), then one person a line. Checked first; nobody is added "
            "until you confirm, and then everybody or, if anything is wrong, nobody."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    csv_text = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_CSV_BYTES:
                raise forms.ValidationError(
                    f"The file is {upload.size:,} bytes; at most {MAX_CSV_BYTES:,}."
                )
            try:
                data["csv_text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    f"The file is not UTF-8 (byte {error.start + 1} is not)."
                ) from None
            data["confirm"] = False
        if not data.get("csv_text"):
            raise forms.ValidationError(_("Choose a CSV file."))
        if len(data["csv_text"]) > MAX_CSV_BYTES:
            raise forms.ValidationError(f"The CSV is longer than {MAX_CSV_BYTES:,} characters.")
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES)


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(choices=[("1", "active"), ("0", "inactive")], coerce=int)
