"""A project's articles for the people who oversee it: search, filters, sort, totals."""
