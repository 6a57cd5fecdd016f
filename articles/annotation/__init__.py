"""The annotator's screens: the workspace's read model (``workspace``), the article text
with its highlights (``highlight``) and the quote list (``quote_list``), both pure, the
forms, and the views of the queue, the workspace and its writes."""
