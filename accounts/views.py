from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.forms import ApiTokenForm, LanguageForm
from accounts.models import ApiToken


# The token pages show a secret once: no cache, shared or the browser's, may keep them,
# and htmx's fragment must never stand in for the full page (nor one user's for another's).
@never_cache
@vary_on_headers("HX-Request", "Cookie")
@login_required
def tokens(request):
    """The user's API tokens: make one (shown once), see them, revoke them."""
    form = ApiTokenForm(request.POST or None, user=request.user)
    secret = None
    if request.method == "POST" and form.is_valid():
        _, secret = ApiToken.objects.create(
            user=request.user,
            expiry=form.expiry(),
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
        )
        form = ApiTokenForm(user=request.user)
    context = {"form": form, "secret": secret, "tokens": request.user.auth_token_set.all()}
    # The token form's own htmx request gets the panel; a boosted link or form (the
    # header's "API tokens") gets the whole page, which htmx puts in place of the old one.
    panel = request.htmx and not request.htmx.boosted
    template = "accounts/tokens.html#token-panel" if panel else "accounts/tokens.html"
    return render(request, template, context, status=400 if form.errors else 200)


@never_cache
@vary_on_headers("HX-Request", "Cookie")
@login_required
@require_POST
def revoke_token(request, token_key):
    """Revoke at once: the next request with it gets a 401."""
    get_object_or_404(ApiToken, user=request.user, token_key=token_key).delete()
    context = {
        "form": ApiTokenForm(user=request.user),
        "secret": None,
        "tokens": request.user.auth_token_set.all(),
    }
    return render(request, "accounts/tokens.html#token-panel", context)


@login_required
def language(request):
    """The user's interface language: English, Norwegian Bokmål, or the browser's."""
    form = LanguageForm(request.POST or None, initial={"language": request.user.language})
    if request.method == "POST" and form.is_valid():
        request.user.language = form.cleaned_data["language"]
        request.user.save(update_fields=["language"])
        # Said in the language just chosen (or the browser's, for "the browser's").
        chosen = request.user.language or translation.get_language_from_request(request)
        translation.activate(chosen)
        messages.success(request, _("Your language is saved."))
        return redirect("accounts:language")
    status = 400 if form.errors else 200
    return render(request, "accounts/language.html", {"form": form}, status=status)
