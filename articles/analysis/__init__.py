"""Findings across a project's corpus: who is quoted, how often, with what stance."""
