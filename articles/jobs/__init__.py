"""Background jobs: work that runs outside the request (imports, exports to a file), with
a record per job that the page which started it polls (``ProjectJob``)."""
