"""Posting an admin change form as the browser would: every field as the page shows it."""


def change_form_data(client, url) -> dict:
    """The data the admin's change page at ``url`` posts when saved unchanged, inlines
    included (a test then changes what it means to)."""
    page = client.get(url)
    data = {}
    for field in page.context["adminform"].form:
        value = field.value()
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for form in formset.initial_forms:
            for field in form:
                if field.value() is not None:
                    data[field.html_name] = field.value()
    return data
