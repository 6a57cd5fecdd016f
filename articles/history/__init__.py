"""The history of a project's annotation data: an append-only record of every change.

Each write in the services (``articles.quotes``, ``assignments``, ``speakers``,
``review.adjudication``, ``exchange.importing``) records its events with ``record`` in
the same transaction as the change, so a change without its event (or an event without
its change) cannot be committed. The database refuses UPDATE and DELETE on the event
table (triggers, migration 0010). ``origin`` says where a change came from (the request,
the API token, the background job); ``reads`` is who may see which events, and the
export's lines.
"""
