"""Alembic environment: runs inside the program on the connection `open_database` passes in.

There is no alembic.ini: `app.storage.database.alembic_config()` builds the configuration in
code. To write a new revision during development, call
`alembic.command.revision(alembic_config(connection), message=..., autogenerate=True)` with a
connection to a database at head, then review the generated file (one change per revision,
`render_as_batch=True` so SQLite can alter tables).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.storage import models_inbox  # noqa: F401  (the receiver's tables join Base.metadata)
from app.storage.models import Base


def run_migrations_online() -> None:
    """Run the migrations on the connection given in the configuration's attributes."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("migrations run only through app.storage.database.open_database")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
