from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from articles.assignments import adjudication_started, assign_articles, suggestions_waiting
from articles.history import admin_edits
from articles.models import (
    Adjudication,
    Article,
    Assignment,
    Project,
    Quote,
    RejectedSuggestion,
    Speaker,
    SpeakerAlias,
    StanceLabel,
    StanceTarget,
    Suggestion,
)
from articles.projects import labels_kept
from articles.review.forms import AssignAnnotatorsForm, MergeSpeakersForm
from articles.speakers import merge_speakers, rename_speaker
from articles.suggestions import suggest_quotes


def _intermediate_page(modeladmin, request, queryset, *, template, title, action, form):
    """Render an action's confirmation page, which posts the selection back with ``apply``."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "objects": queryset,
        "form": form,
        "action": action,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
    }
    return TemplateResponse(request, template, context)


class StanceTargetInline(admin.TabularInline):
    model = StanceTarget
    extra = 0


class ProjectAdminForm(forms.ModelForm):
    def clean_stance_labels(self):
        """A label that stances use stays, as on the settings page (``edit_project``)."""
        labels = self.cleaned_data["stance_labels"]
        if self.instance.pk is not None and isinstance(labels, list):
            # The admin's change view is one transaction: the lock holds until the save
            # commits, so a stance being written with a label taken away either commits
            # first (and this check sees it) or waits and is refused by the database.
            locked = Project.objects.select_for_update().get(pk=self.instance.pk)
            refusal = labels_kept(locked, locked.stance_labels, labels)
            if refusal:
                raise ValidationError(refusal)
        return labels


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    form = ProjectAdminForm
    list_display = [
        "name",
        "slug",
        "annotators_per_article",
        "blind",
        "article_count",
        "quote_count",
        "created_at",
    ]
    list_filter = ["blind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["members"]
    readonly_fields = ["guidelines_preview", "created_at"]
    inlines = [StanceTargetInline]
    change_form_template = "admin/articles/project/change_form.html"
    actions = ["suggest_quotes_action"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "members", "created_at"]}),
        (
            "Annotation",
            {
                "fields": [
                    "stance_labels",
                    "annotators_per_article",
                    "blind",
                    "suggest_on_import",
                    "attribution_scope",
                    "researchers_suggest",
                    "search_language",
                ]
            },
        ),
        ("Guidelines", {"fields": ["guidelines", "guidelines_preview"]}),
    ]

    def get_urls(self):
        suggest = self.admin_site.admin_view(require_POST(self.suggest_view))
        return [
            path("<int:project_id>/suggest/", suggest, name="articles_project_suggest"),
            *super().get_urls(),
        ]

    def suggest_view(self, request, project_id):
        project = get_object_or_404(Project, pk=project_id)
        if not self.has_change_permission(request, project):
            raise PermissionDenied
        self._suggest(request, Project.objects.filter(pk=project.pk))
        return redirect("admin:articles_project_change", project.pk)

    @admin.action(description="Suggest quotes in the selected projects' articles")
    def suggest_quotes_action(self, request, queryset):
        self._suggest(request, queryset)

    def _suggest(self, request, projects):
        articles = Article.objects.filter(project__in=projects).select_related("project")
        result = suggest_quotes(articles=articles.iterator(chunk_size=200))
        self.message_user(request, str(result), messages.SUCCESS)

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, project):
        return project.article_count

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, project):
        return project.quote_count

    @admin.display(description="preview")
    def guidelines_preview(self, project):
        return project.guidelines_html()


class AssignmentAdminForm(forms.ModelForm):
    """An admin may set any status, but not past the rules Done and Reopen keep: done
    means a person judged every suggestion, and a gold set in the making keeps its
    sources."""

    class Meta:
        model = Assignment
        fields = ["article", "annotator", "status", "started_at", "finished_at"]

    def clean(self):
        cleaned = super().clean()
        after = cleaned.get("status")
        # The form has not written to the instance yet: it holds the stored status.
        before = self.instance.status if self.instance.pk is not None else None
        if after is None or after == before:
            return cleaned
        changed = Assignment(
            article=cleaned.get("article") or self.instance.article,
            annotator=cleaned.get("annotator") or self.instance.annotator,
        )
        if after == Assignment.Status.DONE:
            # A new assignment gets the article's suggestions as it is saved.
            waiting = (
                suggestions_waiting(changed)
                if before is not None
                else changed.article.suggestions.count()
            )
            if waiting:
                raise ValidationError(
                    {
                        "status": f"{waiting} engine suggestion(s) wait for the annotator's "
                        "decision: done is theirs to mark once they have judged them."
                    }
                )
        if before == Assignment.Status.DONE and adjudication_started(changed):
            raise ValidationError(
                {
                    "status": "A reviewer has started adjudicating this article: the "
                    "assignment stays done while the adjudication exists."
                }
            )
        return cleaned


class AssignmentInline(admin.TabularInline):
    model = Assignment
    form = AssignmentAdminForm
    extra = 0
    fields = ["annotator", "status", "created_at", "started_at", "finished_at"]
    readonly_fields = ["created_at", "started_at", "finished_at"]
    autocomplete_fields = ["annotator"]


class QuoteInline(admin.TabularInline):
    """Quotes are made in the workspace; here they can be read and removed."""

    model = Quote
    extra = 0
    fields = ["start", "end", "text", "kind", "speaker", "annotator", "origin", "version"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "annotator")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "project",
        "outlet",
        "published_at",
        "language",
        "quote_count",
        "created_at",
    ]
    list_filter = ["project", "language", "outlet"]
    search_fields = ["title", "external_id", "url", "author", "outlet"]
    list_select_related = ["project"]
    readonly_fields = ["text_sha256", "created_at"]
    date_hierarchy = "published_at"
    inlines = [AssignmentInline, QuoteInline]
    actions = ["assign_to_annotators"]

    def save_formset(self, request, form, formset, change):
        """The inlines' assignments made, changed or removed and quotes removed are in the
        history, written with them."""
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        with admin_edits.changes_in_admin():
            if formset.model is Quote:
                admin_edits.quotes_deleted(deleted, actor=request.user)
                formset.save()
                return
            if formset.model is not Assignment:
                formset.save()
                return
            before = dict(
                Assignment.objects.filter(article=form.instance).values_list("pk", "status")
            )
            admin_edits.assignments_deleted(deleted, actor=request.user)
            formset.save()
            for assignment in formset.new_objects:
                admin_edits.assignment_saved(
                    assignment, before_status=None, created=True, actor=request.user
                )
            for assignment, _ in formset.changed_objects:
                admin_edits.assignment_saved(
                    assignment,
                    before_status=before.get(assignment.pk),
                    created=False,
                    actor=request.user,
                )

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["project", "title", "text", "text_sha256"]}),
        (
            "Source",
            {
                "fields": [
                    "outlet",
                    "url",
                    "author",
                    "published_at",
                    "language",
                    "external_id",
                    "metadata",
                    "created_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, article):
        return article.quote_count

    @admin.action(description="Assign selected articles to annotators…")
    def assign_to_annotators(self, request, queryset):
        form = AssignAnnotatorsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            created = assign_articles(
                articles=list(queryset),
                annotators=list(form.cleaned_data["annotators"]),
                actor=request.user,
            )
            self.message_user(request, f"Created {created} assignments.", messages.SUCCESS)
            return None
        return _intermediate_page(
            self,
            request,
            queryset,
            template="admin/articles/assign_annotators.html",
            title="Assign articles to annotators",
            action="assign_to_annotators",
            form=form,
        )


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "project",
        "description",
        "alias_list",
        "external_id",
        "proposed",
        "quote_count",
    ]
    list_filter = ["project", "proposed"]
    search_fields = ["name", "aliases__name", "description", "external_id"]
    inlines = [SpeakerAliasInline]
    actions = ["merge_into"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("project")
            .prefetch_related("aliases")
            .annotate(quote_count=Count("quotes"))
        )

    def save_formset(self, request, form, formset, change):
        """The spellings added, changed or removed here are in the history."""
        removed = [f.instance for f in formset.deleted_forms if f.instance.pk]
        renamed = {
            f.instance.pk: SpeakerAlias.objects.select_related("speaker").get(pk=f.instance.pk)
            for f in formset.initial_forms
            if f.instance.pk and "name" in f.changed_data and f not in formset.deleted_forms
        }
        with admin_edits.changes_in_admin():
            admin_edits.aliases_changed(removed=[*removed, *renamed.values()], actor=request.user)
            formset.save()
            added = [
                *formset.new_objects,
                *(a for a, _ in formset.changed_objects if a.pk in renamed),
            ]
            admin_edits.aliases_changed(added=added, actor=request.user)

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            # A rename is the service's, so that the history keeps the old name.
            rename_speaker(speaker=obj, name=obj.name, actor=request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description="aliases")
    def alias_list(self, speaker):
        return format_html_join(", ", "{}", ((alias.name,) for alias in speaker.aliases.all()))

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, speaker):
        return speaker.quote_count

    @admin.action(description="Merge selected speakers into…")
    def merge_into(self, request, queryset):
        merging = list(queryset)
        projects = {speaker.project_id for speaker in merging}
        if len(projects) != 1:
            self.message_user(request, "Select speakers of one project to merge.", messages.ERROR)
            return None
        form = MergeSpeakersForm(
            request.POST if "apply" in request.POST else None,
            project=merging[0].project,
            merging=merging,
        )
        if form.is_valid():
            target = form.cleaned_data["target"]
            try:
                for source in merging:
                    target = merge_speakers(source=source, target=target, actor=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.message_user(
                request, f"Merged {len(merging)} speakers into “{target}”.", messages.SUCCESS
            )
            return None
        return _intermediate_page(
            self,
            request,
            queryset,
            template="admin/articles/merge_speakers.html",
            title="Merge speakers",
            action="merge_into",
            form=form,
        )


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(admin.ModelAdmin):
    """Spellings; each one added, renamed or removed here is in the history."""

    list_display = ["name", "speaker", "project"]
    list_filter = ["speaker__project"]
    search_fields = ["name", "speaker__name"]
    list_select_related = ["speaker__project"]
    autocomplete_fields = ["speaker"]

    @admin.display(ordering="speaker__project", description="project")
    def project(self, alias):
        return alias.speaker.project

    def save_model(self, request, obj, form, change):
        old = SpeakerAlias.objects.select_related("speaker").filter(pk=obj.pk).first()
        with admin_edits.changes_in_admin():
            if old is not None and (old.name, old.speaker_id) != (obj.name, obj.speaker_id):
                admin_edits.aliases_changed(removed=[old], actor=request.user)
            super().save_model(request, obj, form, change)
            if old is None or (old.name, old.speaker_id) != (obj.name, obj.speaker_id):
                admin_edits.aliases_changed(added=[obj], actor=request.user)

    def delete_model(self, request, obj):
        with admin_edits.changes_in_admin():
            admin_edits.aliases_changed(removed=[obj], actor=request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with admin_edits.changes_in_admin():
            admin_edits.aliases_changed(
                removed=list(queryset.select_related("speaker")), actor=request.user
            )
            super().delete_queryset(request, queryset)


@admin.register(StanceTarget)
class StanceTargetAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "description"]
    list_filter = ["project"]
    search_fields = ["name", "description"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    """Assignments an admin makes, changes or deletes here are in the history."""

    form = AssignmentAdminForm

    list_display = ["article", "annotator", "status", "created_at", "started_at", "finished_at"]
    list_filter = ["status", "article__project", "annotator"]
    search_fields = ["article__title", "annotator__username"]
    list_select_related = ["article", "annotator"]
    autocomplete_fields = ["article", "annotator"]

    def save_model(self, request, obj, form, change):
        before = Assignment.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        with admin_edits.changes_in_admin():
            super().save_model(request, obj, form, change)
            admin_edits.assignment_saved(
                obj, before_status=before, created=before is None, actor=request.user
            )

    def delete_model(self, request, obj):
        with admin_edits.changes_in_admin():
            admin_edits.assignments_deleted([obj], actor=request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with admin_edits.changes_in_admin():
            admin_edits.assignments_deleted(queryset.select_related("article"), actor=request.user)
            super().delete_queryset(request, queryset)


class StanceLabelInline(admin.TabularInline):
    model = StanceLabel
    extra = 0

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Annotations change only through the workspace, which checks offsets against the
    text, labels against the project and versions against concurrent edits. Here they can
    be read and deleted."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Quote)
class QuoteAdmin(ReadOnlyAdmin):
    """Quotes can be read and deleted here; each deletion is in the history."""

    def delete_model(self, request, obj):
        with admin_edits.changes_in_admin():
            admin_edits.quotes_deleted([obj], actor=request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with admin_edits.changes_in_admin():
            admin_edits.quotes_deleted(queryset.select_related("article"), actor=request.user)
            super().delete_queryset(request, queryset)

    list_display = [
        "__str__",
        "article",
        "annotator",
        "speaker",
        "kind",
        "origin",
        "version",
        "updated_at",
    ]
    list_filter = ["kind", "origin", "article__project", "annotator"]
    search_fields = ["text", "speaker__name", "article__title"]
    list_select_related = ["article", "annotator", "speaker"]
    inlines = [StanceLabelInline]


@admin.register(StanceLabel)
class StanceLabelAdmin(ReadOnlyAdmin):
    """Read only: a stance changes in the workspace or on the board, as a quote's edit."""

    def has_delete_permission(self, request, obj=None):
        return False

    list_display = ["quote", "target", "label"]
    list_filter = ["label", "target__project", "target"]
    search_fields = ["quote__text", "target__name"]
    list_select_related = ["quote", "target"]


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "article", "kind", "speaker", "confidence", "created_at"]
    list_filter = ["kind", "article__project"]
    search_fields = ["text", "speaker__name", "article__title"]
    list_select_related = ["article", "speaker"]


@admin.register(RejectedSuggestion)
class RejectedSuggestionAdmin(ReadOnlyAdmin):
    list_display = ["article", "annotator", "start", "end", "created_at"]
    list_filter = ["article__project", "annotator"]
    search_fields = ["article__title", "annotator__username"]
    list_select_related = ["article", "annotator"]


@admin.register(Adjudication)
class AdjudicationAdmin(ReadOnlyAdmin):
    """Gold sets are built on the adjudication board; here they can be found and reset."""

    list_display = ["article", "reviewer", "status", "started_at", "finished_at"]
    list_filter = ["status", "article__project", "reviewer"]
    search_fields = ["article__title", "reviewer__username"]
    list_select_related = ["article", "reviewer"]
    exclude = ["dropped"]

    def delete_model(self, request, obj):
        with admin_edits.changes_in_admin():
            admin_edits.adjudications_deleted([obj], actor=request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with admin_edits.changes_in_admin():
            admin_edits.adjudications_deleted(
                queryset.select_related("article"), actor=request.user
            )
            super().delete_queryset(request, queryset)
