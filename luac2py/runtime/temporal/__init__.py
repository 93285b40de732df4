"""The Temporal side of the runtime: app description (``app``), data
converter (``converter``), workflow/activity glue (``glue``), workers
(``worker``), client API (``client``) and the package CLI (``cli``)."""
