from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from articles.models import Project


@login_required
def project_list(request):
    """The user's projects with their article and quote counts."""
    projects = Project.objects.visible_to(request.user).with_counts()
    return render(request, "articles/project_list.html", {"projects": projects})
