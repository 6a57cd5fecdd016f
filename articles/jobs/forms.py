"""What the upload and export pages post."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from articles.exchange import streams
from articles.jobs.exporting import ExportChoice
from articles.jobs.fetching import URLsRefused, parse_urls

ACCEPT = ".jsonl,.ndjson,.json,.csv,.txt,.zip"


class UploadForm(forms.Form):
    file = forms.FileField(
        help_text=_(
            "JSONL, CSV (with a header row), a .txt file, or a ZIP archive of such "
            "files. It is checked first; nothing is written until you import it."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("auto", _("newsannot's own (JSONL, CSV, .txt, ZIP), by the file's name")),
            ("doccano", _("doccano JSONL (spans and relations)")),
            ("labelstudio", _("Label Studio JSON export")),
            ("brat", _("brat standoff (a ZIP of .txt and .ann files)")),
            ("cas", _("UIMA CAS XMI from INCEpTION or WebAnno (a ZIP with TypeSystem.xml)")),
        ],
        initial="auto",
        required=False,
        help_text=_("Another tool's quotes become yours, as the uploader."),
    )
    txt_title = forms.ChoiceField(
        label=_("Title of a .txt file"),
        choices=[
            ("auto", _("Its first line if a blank line follows it, else its file name")),
            ("first-line", _("Always its first line")),
            ("file-name", _("Always its file name")),
        ],
        initial="auto",
        required=False,
        help_text=_("The check below shows each title it takes."),
    )
    near_duplicates = forms.BooleanField(
        label=_("Hold back near-duplicates"),
        required=False,
        help_text=_(
            "Compare each new text with the project's articles and the file's others; "
            "one nearly the same (another outlet's copy, a wire text with a sentence "
            "changed) is listed and not imported. Slower for large files."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ARTICLE_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes "
                f"({limit / 2**20:g} MiB). Split it, or use the import_articles command."
            )
        return upload


class FetchForm(forms.Form):
    urls = forms.CharField(
        label=_("Page URLs"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One http or https address a line. A job fetches them one at a time per site, "
            "extracts each page's main text and imports it; a page that fails is listed "
            "with its reason, the others stay."
        ),
    )

    def clean_urls(self):
        try:
            return parse_urls(self.cleaned_data["urls"])
        except URLsRefused as refused:
            raise forms.ValidationError(
                [f"line {line}: {message}" for line, message in refused.errors]
            ) from None


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[
            ("jsonl", "JSONL (one article a line)"),
            ("csv", "CSV (one quote a row)"),
            ("doccano", "doccano JSONL (spans and relations)"),
            ("labelstudio", "Label Studio JSON (tasks)"),
            ("conll", "CoNLL BIO tokens (for sequence taggers)"),
            ("parquet", "Parquet, one row per article (Hugging Face datasets)"),
            ("parquet-quotes", "Parquet, one row per quote (pandas)"),
            ("brat", "brat standoff (a ZIP of .txt and .ann files)"),
            ("cas", "UIMA CAS XMI for INCEpTION (a ZIP with TypeSystem.xml)"),
        ]
    )
    annotations = forms.ChoiceField(label=_("Annotations"))
    include_unannotated = forms.BooleanField(
        required=False, initial=True, label=_("Include articles without annotations")
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        people = project.members.order_by("username").values_list("username", flat=True)
        self.fields["annotations"].choices = [
            ("all", "Every annotator's own"),
            ("gold", "The adjudicated gold set"),
            *[(f"annotator:{name}", f"Only {name}'s") for name in people],
        ]

    def clean_annotations(self):
        value = self.cleaned_data["annotations"]
        try:
            streams.Selection.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        return value

    def choice(self) -> ExportChoice:
        data = self.cleaned_data
        return ExportChoice(
            format=data["format"],
            annotations=data["annotations"],
            include_unannotated=data["include_unannotated"],
        )
