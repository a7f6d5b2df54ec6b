"""The service layer: use cases the CLI and the UI call. `app.services.facade.Services.open` is
the way in.

Services open one transaction per user action, apply the domain rules and return frozen DTOs
(app.services.dto) and `Changes` summaries; errors meant for the user are `UserError`s with a
translated message (app.services.errors).
"""

# Kept empty on purpose: importing a light module such as app.services.dto must not load the
# database stack (SQLAlchemy, Alembic), which the desktop program's cold start cannot afford.
