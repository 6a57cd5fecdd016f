"""Moving articles in and out of newsannot: records and formats (pure), imports
(``importing``), exports (``streams``), PostgreSQL's fast paths (``fast_paths``)."""
