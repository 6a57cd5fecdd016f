"""The admins' screens for running a project without the Django admin: create and edit a
project (its guidelines previewed as they are typed, its stance targets), and its members.
The writes are ``articles.projects``'; people are ``accounts.people_views``'."""
