"""Flags and their threads: an annotator flags a quote or a whole article (unsure, the
guidelines unclear, a problem in the text) with a short note; the project's reviewers
answer and resolve it. A Django app of its own (label ``discussion``)."""
