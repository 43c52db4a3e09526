"""PostgreSQL: the search's two range reads with each match's rank, so a passage is read once.

The functions of r0006 return ids; the search then read the same rows a second
time to rank them (``ts_rank`` by id), which on a large store cost as much as
finding them.  These return the id with its rank, computed while the row is
read for the match.  Same planner settings as r0006 (``SET`` clauses, in force
only while the function runs).  SQLite needs none of this: nothing is created
there.

Revision ID: r0007
"""

from alembic import op

revision = "r0007"
down_revision = "r0006"
branch_labels = None
depends_on = None

RANGE = ("SELECT id, ts_rank(w, tsv, q, 1) FROM search_entries WHERE tsv @@ q AND id > lo AND id <= hi "
         "ORDER BY id DESC LIMIT n")
FUNCTIONS = {
    "bogo_search_walk_ranked": "SET enable_bitmapscan = off SET enable_seqscan = off",
    "bogo_search_gin_ranked": "SET enable_indexscan = off SET enable_seqscan = off",
}
ARGS = "q tsquery, w real[], lo integer, hi integer, n integer"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, settings in FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {name}({ARGS}) RETURNS TABLE (entry_id integer, score real) "
                   f"LANGUAGE sql STABLE {settings} AS $$ {RANGE} $$")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION {name}(tsquery, real[], integer, integer, integer)")
