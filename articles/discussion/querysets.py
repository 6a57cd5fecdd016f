"""Who sees which flags: the project's reviewers, researchers and admins see them all;
an annotator sees only their own (with the answers), in a blind project or not."""

from django.db import models

from articles.querysets import sees_whole_team


class FlagQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The flags ``user`` may read (the caller has checked the project is theirs)."""
        if sees_whole_team(user):
            return self
        return self.filter(author=user)

    def open(self):
        return self.filter(status="open")

    def with_thread(self):
        """Author names and the replies with theirs: a list reads in three queries."""
        return self.select_related("author", "resolved_by").prefetch_related("replies__author")
