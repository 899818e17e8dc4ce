"""people who sign in to a server, and the rules the server enforces for their roles

Revision ID: 0011_people_roles
Revises: 0010_reporting_cycle
Create Date: 2026-12-07 09:00:00

Adds `person_profile` (a login role's full name and position; never a password) on every
database. On PostgreSQL it also adds the rules finer than a table's GRANTs, written by the
server itself, never by the PC:

- `pazos_roles_for(action)` names the group roles that may do an action finer than a table
  ("approve_acta", "reopen_acta", "manage_people"), `pazos_may(action)` says whether the session's person may
  (the program asks it to disable what the role cannot do), `pazos_require(action)` refuses
  with SQLSTATE 42501 and the action's name (the program words it in Spanish);
- `pazos_owner_session()`: the session's person may alter PAZOS's tables (their owner, an
  administrator, a superuser), and so could drop any trigger: the rules below trust only them
  with the name the program sends;
- who made a change is `session_user` (`pazos_stamp_who`, on inserting history_entry.actor,
  progress_update.created_by, data_suppression.actor; the grants let no other role update
  those columns);
- approving and reopening an acta (`meeting.status` to or from "approved", a new snapshot, a
  snapshot marked reopened) require the action's role, and the acta names the person's full
  name from `person_profile` (`pazos_signer()`);
- a closed period (revision 0010's `period_closure`, not reopened, for every cluster or the
  commitment's) refuses adding, changing or deleting a progress update dated inside it
  (`pazos_closed`, `pazos_guard_progress`), except to the owner's sessions, as every door of
  the program does; who may close and reopen periods is the grants' (coordination and
  administration write `period_closure`).

The grants themselves are not here: `pazos_desktop.db.roles.apply_rights` applies them after
every migration, so a table added by any later revision gets them too. Frozen here: the SQL,
as the program needed it when this revision was written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_people_roles"
down_revision = "0010_reporting_cycle"
branch_labels = None
depends_on = None

WHO_COLUMNS = (
    ("history_entry", "actor"),
    ("progress_update", "created_by"),
    ("data_suppression", "actor"),
)

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION pazos_roles_for(action text) RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS $$
  SELECT CASE action
    WHEN 'approve_acta' THEN ARRAY['pazos_secretaria', 'pazos_admin']
    WHEN 'reopen_acta' THEN ARRAY['pazos_secretaria', 'pazos_admin']
    ELSE ARRAY['pazos_admin']
  END
$$;

CREATE OR REPLACE FUNCTION pazos_owner_session() RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT pg_has_role(session_user, c.relowner, 'USAGE')
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'pazos_admin'
                 AND pg_has_role(session_user, r.oid, 'USAGE'))
  FROM pg_class c WHERE c.oid = 'history_entry'::regclass
$$;

CREATE OR REPLACE FUNCTION pazos_may(action text) RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT pazos_owner_session()
      OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = ANY (pazos_roles_for(action))
                 AND pg_has_role(session_user, r.oid, 'USAGE'))
$$;

CREATE OR REPLACE FUNCTION pazos_require(action text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT pazos_may(action) THEN
    RAISE EXCEPTION 'pazos:%', action USING ERRCODE = 'insufficient_privilege',
      HINT = array_to_string(pazos_roles_for(action), ',');
  END IF;
END $$;

CREATE OR REPLACE FUNCTION pazos_signer() RETURNS text
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT COALESCE((SELECT full_name FROM person_profile WHERE login = session_user),
                  session_user::text)
$$;

CREATE OR REPLACE FUNCTION pazos_stamp_who() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT pazos_owner_session() THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text));
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION pazos_guard_meeting() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'approved' THEN
      PERFORM pazos_require('approve_acta');
    END IF;
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    IF NEW.status = 'approved' THEN
      PERFORM pazos_require('approve_acta');
      IF NOT pazos_owner_session() THEN
        NEW.approved_by := pazos_signer();
      END IF;
    ELSIF OLD.status = 'approved' THEN
      PERFORM pazos_require('reopen_acta');
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION pazos_closed(commitment integer, day date) RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT EXISTS (
    SELECT 1 FROM period_closure pc
    WHERE pc.reopened_at IS NULL AND day BETWEEN pc.period_start AND pc.period_end
      AND (NOT EXISTS (SELECT 1 FROM period_closure_cluster x WHERE x.closure_id = pc.id)
           OR EXISTS (SELECT 1 FROM commitment c WHERE c.id = commitment AND c.all_clusters)
           OR EXISTS (SELECT 1 FROM period_closure_cluster x
                      JOIN commitment_cluster cc ON cc.cluster_id = x.cluster_id
                      WHERE x.closure_id = pc.id AND cc.commitment_id = commitment)))
$$;

CREATE OR REPLACE FUNCTION pazos_guard_progress() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF pazos_owner_session() THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP <> 'INSERT' AND pazos_closed(OLD.commitment_id, OLD.date) THEN
    RAISE EXCEPTION 'pazos:closed_period:%', OLD.date USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP <> 'DELETE' AND pazos_closed(NEW.commitment_id, NEW.date) THEN
    RAISE EXCEPTION 'pazos:closed_period:%', NEW.date USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE OR REPLACE FUNCTION pazos_guard_snapshot() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pazos_require('approve_acta');
    IF NOT pazos_owner_session() THEN
      NEW.approved_by := pazos_signer();
    END IF;
  ELSIF NEW.reopened_at IS DISTINCT FROM OLD.reopened_at THEN
    PERFORM pazos_require('reopen_acta');
    IF NOT pazos_owner_session() THEN
      NEW.reopened_by := pazos_signer();
    END IF;
  END IF;
  RETURN NEW;
END $$;
"""

DROP_FUNCTIONS = (
    "pazos_guard_progress()",
    "pazos_closed(integer, date)",
    "pazos_guard_snapshot()",
    "pazos_guard_meeting()",
    "pazos_stamp_who()",
    "pazos_signer()",
    "pazos_require(text)",
    "pazos_may(text)",
    "pazos_owner_session()",
    "pazos_roles_for(text)",
)


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    op.create_table(
        "person_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_profile"),
        sa.UniqueConstraint("login", name="uq_person_profile_login"),
    )
    if not _on_server():
        return  # a file database has one user: nothing to enforce between people
    op.execute(FUNCTIONS)
    for table, column in WHO_COLUMNS:
        op.execute(
            f"CREATE TRIGGER pazos_who_{table} BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION pazos_stamp_who('{column}')"
        )
    op.execute(
        "CREATE TRIGGER pazos_guard_meeting BEFORE INSERT OR UPDATE ON meeting "
        "FOR EACH ROW EXECUTE FUNCTION pazos_guard_meeting()"
    )
    op.execute(
        "CREATE TRIGGER pazos_guard_snapshot BEFORE INSERT OR UPDATE ON meeting_snapshot "
        "FOR EACH ROW EXECUTE FUNCTION pazos_guard_snapshot()"
    )
    # A closed period holds on the server too: psql with a person's credentials cannot add,
    # change or delete a progress update dated inside it (the program says it first, in words).
    op.execute(
        "CREATE TRIGGER pazos_guard_progress BEFORE INSERT OR UPDATE OR DELETE ON progress_update "
        "FOR EACH ROW EXECUTE FUNCTION pazos_guard_progress()"
    )


def downgrade() -> None:
    if _on_server():
        for table, _column in WHO_COLUMNS:
            op.execute(f"DROP TRIGGER IF EXISTS pazos_who_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS pazos_guard_meeting ON meeting")
        op.execute("DROP TRIGGER IF EXISTS pazos_guard_snapshot ON meeting_snapshot")
        op.execute("DROP TRIGGER IF EXISTS pazos_guard_progress ON progress_update")
        for signature in DROP_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_table("person_profile")
