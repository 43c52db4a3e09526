"""PostgreSQL: the two ways the search reads a range of ids, as functions with their own planner settings.

The search collects the newest matches of a query backwards in id ranges
(:class:`bogo.search.engine.PgEngine`).  A range where the query's word is
dense is read along the primary key (``bogo_search_walk``: no bitmap, no
sequential scan, so PostgreSQL cannot choose to read every row of a frequent
word first); a range where it is sparse through the GIN index AND the range
(``bogo_search_gin``: no plain index scan, so only matching rows are read).
The settings are the functions' own (``SET`` clauses), in force only while the
function runs, and each range costs one round trip.  SQLite needs none of this
(FTS5 returns matches in rowid order): nothing is created there.

Revision ID: r0006
"""

from alembic import op

revision = "r0006"
down_revision = "r0005"
branch_labels = None
depends_on = None

RANGE = ("SELECT id FROM search_entries WHERE tsv @@ q AND id > lo AND id <= hi ORDER BY id DESC LIMIT n")
FUNCTIONS = {
    "bogo_search_walk": "SET enable_bitmapscan = off SET enable_seqscan = off",
    "bogo_search_gin": "SET enable_indexscan = off SET enable_seqscan = off",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, settings in FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {name}(q tsquery, lo integer, hi integer, n integer) RETURNS SETOF integer "
                   f"LANGUAGE sql STABLE {settings} AS $$ {RANGE} $$")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION {name}(tsquery, integer, integer, integer)")
