"""What Django answers when it refuses a form post before any view runs: a body over
DATA_UPLOAD_MAX_MEMORY_SIZE (413), too many fields or files (400). A message says which,
on a page or, for htmx, atop the current one, rather than a bare "Bad Request (400)".
(The API reads its bodies itself: articles/api/parsers.py.)"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views import defaults
from django_htmx.http import reswap, retarget


def bad_request(request, exception):
    """Django's ``handler400``: its own page for every other bad request."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        status, message = 413, f"The request is larger than {limit:,} bytes ({limit / 2**20:g} MiB)"
    elif isinstance(exception, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        status, message = 400, f"The form sends more than {limit:,} fields"
    elif isinstance(exception, TooManyFilesSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        status, message = 400, f"The form sends more than {limit:,} files"
    else:
        return defaults.bad_request(request, exception)
    message += "; nothing was saved."
    if getattr(request, "htmx", False):
        # Put where any page shows it: the view's own target expects its own partial.
        response = render(request, "refused.html#refusal", {"message": message}, status=status)
        retarget(response, "#main")
        reswap(response, "afterbegin")
    else:
        response = render(request, "refused.html", {"message": message}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
