"""Filtering from an allowlist: every query parameter must be a declared filter, an
ordering the view names, or a pagination parameter; anything else is a 400."""

from datetime import timedelta

import django_filters
from django import forms
from django.db import connection
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from articles.analysis.corpus import QuoteWordsMatch
from articles.models import (
    Article,
    Assignment,
    Project,
    Quote,
    SearchLanguage,
    Speaker,
    StanceTarget,
)

ALWAYS_ALLOWED = {"cursor", "page_size", "annotations", "count"}


class StrictFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        allowed = set(ALWAYS_ALLOWED)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError(
                {unknown[0]: f"unknown parameter; allowed: {', '.join(sorted(allowed))}"}
            )
        return super().filter_queryset(request, queryset, view)


MAX_ID = 2**63 - 1  # the largest id either database stores; larger is a 400, not a 500


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class ProjectSlugFilter(django_filters.CharFilter):
    def __init__(self, **kwargs):
        super().__init__(field_name="project__slug", **kwargs)


MAX_UTC_OFFSET = timedelta(hours=14)  # the widest real time zone; PostgreSQL allows < 16h


class MomentFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time whose UTC offset a time zone could have (else a 400, not a
    database error)."""

    def filter(self, qs, value):
        if (
            value is not None
            and value.utcoffset() is not None
            and (abs(value.utcoffset()) > MAX_UTC_OFFSET)
        ):
            raise ValidationError({self.field_name: "the UTC offset must be within ±14:00"})
        return super().filter(qs, value)


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet with its form class made once, not once per request."""

    _form_classes: dict = {}

    def get_form_class(self):
        form_class = self._form_classes.get(type(self))
        if form_class is None:
            form_class = self._form_classes[type(self)] = super().get_form_class()
        return form_class


class ArticleFilter(FilterSet):
    project = ProjectSlugFilter()
    status = django_filters.ChoiceFilter(
        method="filter_status",
        # Each status names itself: the API speaks in values, not the interface's labels.
        choices=[(status, status) for status in Assignment.Status.values],
    )
    has_quotes = django_filters.BooleanFilter(method="filter_has_quotes")
    search = django_filters.CharFilter(method="filter_search")
    published_after = MomentFilter(field_name="published_at", lookup_expr="gte")
    published_before = MomentFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Article
        fields = []

    # Like the list's quote counts, both look only at an annotator's own work.
    def filter_status(self, queryset, name, value):
        return queryset.with_status(value, user=self.request.user)

    def filter_has_quotes(self, queryset, name, value):
        return queryset.with_quotes(value, user=self.request.user)

    def filter_search(self, queryset, name, value):
        return queryset.filter(title__icontains=value)


class QuoteFilter(FilterSet):
    project = django_filters.CharFilter(field_name="article__project__slug")
    article = IdFilter(field_name="article_id")
    speaker = IdFilter(field_name="speaker_id")
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices)
    origin = django_filters.ChoiceFilter(choices=Quote.Origin.choices)
    annotator = django_filters.CharFilter(field_name="annotator__username")
    target = django_filters.CharFilter(field_name="stances__target__name", distinct=True)
    stance = django_filters.CharFilter(field_name="stances__label", distinct=True)
    search = django_filters.CharFilter(method="filter_search")

    class Meta:
        model = Quote
        fields = []

    def filter_search(self, queryset, name, value):
        """The quotes whose words match: PostgreSQL's full-text search (as the ``project``
        asked for reads words, else as written), elsewhere a substring (as the quote
        search page does)."""
        if connection.vendor == "postgresql":
            slug = self.data.get("project")
            projects = Project.objects.filter(slug=slug) if slug else Project.objects.none()
            language = projects.values_list("search_language", flat=True).first()
            return queryset.filter(QuoteWordsMatch(value, language or SearchLanguage.SIMPLE))
        return queryset.filter(text__icontains=value)


class SpeakerFilter(FilterSet):
    project = ProjectSlugFilter()
    search = django_filters.CharFilter(method="filter_search")

    class Meta:
        model = Speaker
        fields = []

    def filter_search(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(
            Q(name__icontains=value) | Q(aliases__name__icontains=value)
        ).distinct()


class TargetFilter(FilterSet):
    project = ProjectSlugFilter()

    class Meta:
        model = StanceTarget
        fields = []
