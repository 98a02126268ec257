/* cf-store.c — opening the project database, transactions, and the records
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-error.h"
#include "cf-example.h"
#include "cf-store-private.h"

G_DEFINE_FINAL_TYPE (CfStore, cf_store, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

struct _CfTransaction
{
  CfStore  *store;
  gboolean  done;
  GArray   *notifications;   /* of Notification, emitted after COMMIT */
};

typedef struct
{
  const char *what;
  gint64      id;
} Notification;

typedef struct
{
  CfStore    *store;
  const char *what;
  gint64      id;
} Emission;

/* Helpers */

void
_cf_stmt_free (sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
}

char *
_cf_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_cf_store_set_error (CfStore     *self,
                     GError     **error,
                     int          rc,
                     const char  *doing)
{
  _cf_store_set_error_db (self, self->db, error, rc, doing);
}

/* Like _cf_store_set_error(), for a failure on another connection. */
void
_cf_store_set_error_db (CfStore     *self,
                        sqlite3     *db,
                        GError     **error,
                        int          rc,
                        const char  *doing)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      g_set_error (error, CF_ERROR, CF_ERROR_READ_ONLY,
                   _("Could not %s: the project database “%s” is read-only."),
                   doing, self->path);
      break;

    case SQLITE_FULL:
      g_set_error (error, CF_ERROR, CF_ERROR_DISK_FULL,
                   _("Could not %s: the disk holding “%s” is full. Nothing was changed."),
                   doing, self->path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CF_ERROR, CF_ERROR_BUSY,
                   _("Could not %s: the project database “%s” is busy in another program. "
                     "Nothing was changed; try again."),
                   doing, self->path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("Could not %s: the project database “%s” is damaged (%s)."),
                   doing, self->path, detail);
      break;

    default:
      g_set_error (error, CF_ERROR, CF_ERROR_DATABASE,
                   _("Could not %s in “%s”: %s. Nothing was changed."),
                   doing, self->path, detail);
      break;
    }
}

sqlite3_stmt *
_cf_store_prepare (CfStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (self, error, rc, _("read the project database"));
      return NULL;
    }

  return stmt;
}

gboolean
_cf_store_exec (CfStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (self, error, rc, _("update the project database"));
      return FALSE;
    }

  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A text column as a string of one's own, NULL for SQL NULL. */
char *
_cf_store_dup_column (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  Emission *emission = user_data;

  g_signal_emit (emission->store, signals [SIGNAL_CHANGED],
                 g_quark_from_static_string (emission->what), emission->id);

  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer user_data)
{
  Emission *emission = user_data;

  g_object_unref (emission->store);
  g_free (emission);
}

static void
emit_changed (CfStore    *self,
              const char *what,
              gint64      id)
{
  Emission *emission;

  if (g_thread_self () == self->owner)
    {
      g_signal_emit (self, signals [SIGNAL_CHANGED], g_quark_from_static_string (what), id);
      return;
    }

  emission = g_new0 (Emission, 1);
  emission->store = g_object_ref (self);
  emission->what = what;
  emission->id = id;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT,
                              emit_changed_cb, emission, emission_free);
}

/* Transactions: every user action is one, so a failure leaves nothing half
 * written. The store's lock is held from BEGIN to COMMIT or ROLLBACK. */

CfTransaction *
_cf_store_begin (CfStore  *self,
                 GError  **error)
{
  CfTransaction *tx;
  int rc;

  g_rec_mutex_lock (&self->lock);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (self, error, rc, _("start a change"));
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  tx = g_new0 (CfTransaction, 1);
  tx->store = g_object_ref (self);
  tx->notifications = g_array_new (FALSE, FALSE, sizeof (Notification));

  return tx;
}

/* For writes made on another connection: "changed" after their COMMIT. */
void
_cf_store_notify (CfStore    *self,
                  const char *what,
                  gint64      id)
{
  emit_changed (self, what, id);
}

void
_cf_transaction_notify (CfTransaction *tx,
                        const char    *what,
                        gint64         id)
{
  Notification n = { what, id };

  g_array_append_val (tx->notifications, n);
}

gboolean
_cf_transaction_commit (CfTransaction  *tx,
                        GError        **error)
{
  int rc;

  g_return_val_if_fail (!tx->done, FALSE);

  rc = sqlite3_exec (tx->store->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _cf_store_set_error (tx->store, error, rc, _("save the change"));
      return FALSE;
    }

  tx->done = TRUE;
  g_rec_mutex_unlock (&tx->store->lock);

  for (guint i = 0; i < tx->notifications->len; i++)
    {
      Notification *n = &g_array_index (tx->notifications, Notification, i);
      emit_changed (tx->store, n->what, n->id);
    }

  return TRUE;
}

void
_cf_transaction_free (CfTransaction *tx)
{
  if (!tx->done)
    {
      /* Rolls back everything since BEGIN: the database is as it was. */
      if (sqlite3_get_autocommit (tx->store->db) == 0)
        sqlite3_exec (tx->store->db, "ROLLBACK", NULL, NULL, NULL);
      g_rec_mutex_unlock (&tx->store->lock);
    }

  g_array_unref (tx->notifications);
  g_object_unref (tx->store);
  g_free (tx);
}

gboolean
_cf_store_audit (CfStore     *self,
                 const char  *action,
                 const char  *object_type,
                 gint64       object_id,
                 const char  *detail,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();
  int rc;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO audit_log (at, actor, action, object_type, object_id, detail)"
                            " VALUES (?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, object_type, -1, SQLITE_STATIC);
  if (object_id > 0)
    sqlite3_bind_int64 (stmt, 5, object_id);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("record the change in the audit log"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cf_store_check_product (CfStore  *self,
                         gint64    product_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT 1 FROM product WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, product_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("look up the product"));
      return FALSE;
    }

  g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
               _("There is no product with id %" PRId64 " in “%s”."),
               product_id, self->path);
  return FALSE;
}

/* Records ↔ rows. Field names map to columns by turning "-" into "_". */

static char *
column_for_field (const char *field)
{
  return g_strdelimit (g_strdup (field), "-", '_');
}

void
_cf_store_record_from_row (CfRecord     *record,
                 sqlite3_stmt *stmt)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);
  int n_columns = sqlite3_column_count (stmt);

  for (int i = 0; i < n_columns; i++)
    {
      const char *column = sqlite3_column_name (stmt, i);
      g_autofree char *field = g_strdelimit (g_strdup (column), "_", '-');

      if (g_str_equal (column, "id"))
        cf_record_set_id (record, sqlite3_column_int64 (stmt, i));
      else if (g_str_equal (column, "is_example"))
        cf_record_set_is_example (record, sqlite3_column_int (stmt, i) != 0);
      else if (g_str_equal (column, "updated_at"))
        cf_record_set_updated_at (record, column_text (stmt, i));
      else if (cf_field_spec_find (specs, n_specs, field) != NULL)
        cf_record_set_field (record, field, column_text (stmt, i));
    }
}

/* The field names come from static specs, never from input, so building
 * SQL from them is safe; values are always bound as parameters. */
char *
_cf_store_field_sql (CfRecord    *record,
           SqlFragment  fragment)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *column = column_for_field (specs[i].name);

      if (i > 0)
        g_string_append (sql, ", ");

      switch (fragment)
        {
        case SQL_COLUMNS:
          g_string_append (sql, column);
          break;
        case SQL_PLACEHOLDERS:
          g_string_append_c (sql, '?');
          break;
        case SQL_ASSIGNMENTS:
          g_string_append_printf (sql, "%s = ?", column);
          break;
        case SQL_UPSERT:
          g_string_append_printf (sql, "%s = excluded.%s", column, column);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Binds the fields in spec order, starting at parameter @first. */
int
_cf_store_bind_fields (sqlite3_stmt *stmt,
             CfRecord     *record,
             int           first)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    sqlite3_bind_text (stmt, first + i, cf_record_get_field (record, specs[i].name), -1,
                       SQLITE_TRANSIENT);

  return first + n_specs;
}

/* Trims every field, turns blanks into NULL, then checks the specs: the
 * database never holds what the window or the CLI would have refused. */
gboolean
_cf_store_normalize_and_validate (CfRecord  *record,
                        GError   **error)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *message = cf_field_spec_check (&specs[i], cf_record_get_field (record, specs[i].name));
      g_autofree char *normalized = NULL;

      if (message != NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
          return FALSE;
        }

      normalized = cf_field_normalize (&specs[i], cf_record_get_field (record, specs[i].name));
      cf_record_set_field (record, specs[i].name, normalized);
    }

  return TRUE;
}

/* "name, version": which fields differ, for the audit log. */
char *
_cf_store_describe_changes (CfRecord *before,
                  CfRecord *after)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (after, &n_specs);
  g_autoptr(GString) changed = g_string_new (NULL);

  for (guint i = 0; i < n_specs; i++)
    {
      const char *old_value = before ? cf_record_get_field (before, specs[i].name) : NULL;

      /* A new record lists the fields it was given; a changed one, what changed. */
      if (g_strcmp0 (old_value, cf_record_get_field (after, specs[i].name)) == 0)
        continue;

      if (changed->len > 0)
        g_string_append (changed, ", ");
      g_string_append (changed, specs[i].name);
    }

  if (changed->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&changed), FALSE);
}

/* Opening */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at an existing file without letting SQLite near it, so that files
 * we refuse are never opened for writing, let alone changed. */
static gboolean
inspect_existing_file (const char  *path,
                       gboolean    *is_empty,
                       GError     **error)
{
  GStatBuf st;
  guint8 header[100];
  gssize n_read;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open the project database “%s”: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Conformity project database."), path);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a regular file, so it cannot be a Conformity project database."),
                   path);
      return FALSE;
    }

  *is_empty = (st.st_size == 0);
  if (*is_empty)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read the project database “%s”: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Conformity project database: it is not an SQLite database. "
                     "The file was not changed."),
                   path);
      return FALSE;
    }

  /* Offsets from the SQLite file format: user_version at 60, application_id at 68. */
  if (read_be32 (header + 68) != 0 && read_be32 (header + 68) != CF_STORE_APPLICATION_ID)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another application, not a Conformity "
                     "project database. The file was not changed."),
                   path);
      return FALSE;
    }

  if (read_be32 (header + 68) == CF_STORE_APPLICATION_ID &&
      read_be32 (header + 60) > CF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Conformity (database schema %u; "
                     "this version understands schema %u at most). Update Conformity to open it. "
                     "The file was not changed."),
                   path, read_be32 (header + 60), CF_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Root may write to any file, but a file marked read-only is a statement
   * of intent (an archived project, a reviewer's copy): respect it. */
  if (g_access (path, W_OK) != 0 || (st.st_mode & S_IWUSR) == 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_READ_ONLY,
                   _("“%s” is read-only. Conformity records every change in its project "
                     "database, so it needs to write to it. The file was not changed; make it "
                     "writable or choose another file with --db."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_new_file (const char  *path,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s” for the project database: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* 0600: the database holds a manufacturer's unpublished security work. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the project database “%s”: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
query_int (CfStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a usable Conformity project database: %s. "
                       "The file was not changed."),
                     self->path, sqlite3_errmsg (self->db));
      else
        _cf_store_set_error (self, error, rc, _("read the project database"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Checks, still without writing, that the open file is ours and not newer. */
static gboolean
check_identity (CfStore  *self,
                GError  **error)
{
  gint64 application_id, user_version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if ((application_id != 0 && application_id != CF_STORE_APPLICATION_ID) ||
      (application_id == 0 && (user_version != 0 || n_objects != 0)))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another application, not a Conformity "
                     "project database. The file was not changed."),
                   self->path);
      return FALSE;
    }

  if (user_version > CF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Conformity (database schema %u; "
                     "this version understands schema %u at most). Update Conformity to open it. "
                     "The file was not changed."),
                   self->path, (guint) user_version, CF_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Before an existing project is brought to a newer schema, a complete copy
 * is kept beside it: whatever goes wrong, what the user entered survives. */
static char *
back_up (CfStore  *self,
         gint64    version,
         GError  **error)
{
  g_autofree char *backup = NULL;
  char *sql;
  int fd, rc;

  for (guint n = 0; backup == NULL || g_file_test (backup, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup);
      backup = n == 0
               ? g_strdup_printf ("%s.schema-%" G_GINT64_FORMAT ".bak", self->path, version)
               : g_strdup_printf ("%s.schema-%" G_GINT64_FORMAT "-%u.bak", self->path, version, n);
    }

  /* VACUUM INTO fills an empty file; creating it first sets its mode. */
  fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);

  sql = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);

  if (fd < 0 || rc != SQLITE_OK)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_DATABASE,
                   _("Could not keep a copy of “%s” as “%s” before updating it to a newer "
                     "schema (%s). The file was not changed."),
                   self->path, backup, fd < 0 ? g_strerror (errno) : sqlite3_errmsg (self->db));
      g_unlink (backup);
      return NULL;
    }

  return g_steal_pointer (&backup);
}

static gboolean
migrate (CfStore  *self,
         GError  **error)
{
  guint n_migrations;
  const char * const *migrations = _cf_store_get_migrations (&n_migrations);
  g_autofree char *backup = NULL;
  gint64 version;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > 0 && version < n_migrations)
    {
      backup = back_up (self, version, error);
      if (backup == NULL)
        return FALSE;
    }

  for (; version < n_migrations; version++)
    {
      g_autoptr(CfTransaction) tx = NULL;
      g_autofree char *bump = NULL;
      g_autofree char *detail = NULL;

      tx = _cf_store_begin (self, error);
      if (tx == NULL)
        return FALSE;

      bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version + 1);
      detail = backup
               ? g_strdup_printf ("schema %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT " (copy kept as %s)",
                                  version, version + 1, backup)
               : g_strdup_printf ("schema %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT, version, version + 1);
      if (!_cf_store_exec (self, migrations[version], error) ||
          !_cf_store_exec (self, bump, error) ||
          !_cf_store_audit (self, "database.migrate", "database", 0, detail, error) ||
          !_cf_transaction_commit (tx, error))
        {
          g_prefix_error (error, _("Could not bring “%s” to schema %u: "),
                          self->path, (guint) version + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* Segments of an evidence copy that was interrupted (a crash, a power
 * cut) belong to no version. A day on, no copy can still be running. */
#define INTERRUPTED_SEGMENTS \
  " FROM evidence_segment" \
  " WHERE created_at < strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 day')" \
  " AND id NOT IN (SELECT segment_id FROM evidence_version_segment)"

/* Tidying up must never stop the project from opening: while another
 * program writes (the sweep would wait for it, then fail), it is left for
 * the next time. Looking first keeps opening a read, usually. */
static gboolean
sweep_interrupted_copies (CfStore  *self,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT 1" INTERRUPTED_SEGMENTS " LIMIT 1;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  g_clear_pointer (&stmt, _cf_stmt_free);

  if (_cf_store_exec (self, "DELETE" INTERRUPTED_SEGMENTS ";", &local_error))
    return TRUE;
  rc = sqlite3_errcode (self->db) & 0xff;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_debug ("Interrupted evidence copies left for later: %s", local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
configure_connection (CfStore  *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;
  gboolean is_wal;
  int rc;

  /* Untrusted databases will be opened too (imported dossiers): refuse the
   * features that let a crafted schema run code or corrupt the file. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    return FALSE;

  /* From here on we write. WAL keeps readers and the writer apart;
   * synchronous=FULL because losing a committed change is not acceptable. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  mode = rc == SQLITE_ROW ? column_text (stmt, 0) : NULL;
  is_wal = mode != NULL && g_ascii_strcasecmp (mode, "wal") == 0;

  /* An unfinished statement would make the migrations' COMMIT fail. */
  g_clear_pointer (&stmt, _cf_stmt_free);

  if (!is_wal)
    {
      _cf_store_set_error (self, error, rc == SQLITE_ROW ? SQLITE_ERROR : rc,
                           _("switch the project database to write-ahead logging"));
      return FALSE;
    }

  return _cf_store_exec (self,
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;",
                         error) &&
         migrate (self, error) &&
         sweep_interrupted_copies (self, error);
}

/* GObject */

/**
 * _cf_store_open_connection:
 *
 * A second connection to the same file, for work that takes long (copying
 * evidence in and out) and must not hold the store's lock meanwhile. WAL
 * lets it read while the main connection writes, and the other way round.
 *
 * Returns: (transfer full): the connection, to close with sqlite3_close()
 */
sqlite3 *
_cf_store_open_connection (CfStore  *self,
                           GError  **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 10000);
      rc = sqlite3_exec (db,
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         /* A page cache that holds a whole segment of evidence
                          * (4 MiB, see cf-store-evidence.c) and little more: a copy
                          * of gigabytes streams through it. */
                         "PRAGMA cache_size = -8192;",
                         NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    {
      _cf_store_set_error_db (self, db, error, rc, _("open the project database"));
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/**
 * cf_store_set_evidence_size_limit:
 * @limit: bytes; a larger evidence file is refused before anything is written
 */
void
cf_store_set_evidence_size_limit (CfStore *self,
                                  guint64  limit)
{
  g_return_if_fail (CF_IS_STORE (self));
  self->evidence_size_limit = limit;
}

guint64
cf_store_get_evidence_size_limit (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), 0);
  return self->evidence_size_limit;
}

static void
cf_store_finalize (GObject *object)
{
  CfStore *self = CF_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cf_store_parent_class)->finalize (object);
}

static void
cf_store_class_init (CfStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_store_finalize;

  /**
   * CfStore::changed:
   * @id: the product (or manufacturer) id concerned, 0 when none
   *
   * Emitted after a change was committed, with the detail "manufacturer",
   * "product", "declaration-info" or "document".
   */
  signals [SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cf_store_init (CfStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  self->actor = g_strdup (g_get_user_name ());
  self->evidence_size_limit = CF_STORE_DEFAULT_EVIDENCE_LIMIT;
}

/* Public API */

/**
 * cf_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/conformity/conformity.db`
 */
char *
cf_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "conformity", "conformity.db", NULL);
}

/**
 * cf_store_resolve_path:
 * @explicit_path: (nullable): a path given with --db
 *
 * Returns: (transfer full): --db if given, else $CONFORMITY_DB, else the default
 */
char *
cf_store_resolve_path (const char *explicit_path)
{
  const char *env = g_getenv ("CONFORMITY_DB");

  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return cf_store_default_path ();
}

/**
 * cf_store_open:
 * @path: the project database; created (0600, folder 0700) when missing
 *
 * Refuses, and leaves untouched, a file that is not a Conformity project
 * database, one written by a newer schema, and a read-only one.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CfStore *
cf_store_open (const char  *path,
               GError     **error)
{
  return cf_store_open_as (path, NULL, error);
}

/**
 * cf_store_open_as:
 * @actor: (nullable): who the audit log names, from the first entry this
 *   opening writes (a migration, say); %NULL for the user's login name
 *
 * Like cf_store_open(), for a named actor such as a CI job.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CfStore *
cf_store_open_as (const char  *path,
                  const char  *actor,
                  GError     **error)
{
  g_autoptr(CfStore) self = NULL;
  gboolean created = FALSE;
  gboolean is_empty = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_new_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (!inspect_existing_file (path, &is_empty, error))
    return NULL;

  self = g_object_new (CF_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (actor != NULL && *actor != '\0')
    cf_store_set_actor (self, actor);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    _cf_store_set_error (self, error, rc, _("open the project database"));
  else if (sqlite3_db_readonly (self->db, "main") == 1)
    g_set_error (error, CF_ERROR, CF_ERROR_READ_ONLY,
                 _("“%s” could only be opened read-only. Conformity needs to write to its "
                   "project database; the file was not changed."),
                 path);
  else if (configure_connection (self, error))
    return g_steal_pointer (&self);

  /* Nothing of a file we created ourselves may stay behind after a failure. */
  g_clear_object (&self);
  if (created)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }

  return NULL;
}

const char *
cf_store_get_path (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->path;
}

const char *
cf_store_get_actor (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->actor;
}

/**
 * cf_store_set_actor:
 * @actor: who the audit log names for the changes made from now on
 */
void
cf_store_set_actor (CfStore    *self,
                    const char *actor)
{
  g_return_if_fail (CF_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/* Manufacturer */

static CfManufacturer *
get_manufacturer_locked (CfStore  *self,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT * FROM manufacturer WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("read the manufacturer"));
      return NULL;
    }

  manufacturer = cf_manufacturer_new ();
  _cf_store_record_from_row (CF_RECORD (manufacturer), stmt);

  return g_steal_pointer (&manufacturer);
}

/**
 * cf_store_get_manufacturer:
 *
 * Returns: (transfer full) (nullable): the manufacturer, or %NULL without an
 *   error when none has been recorded yet
 */
CfManufacturer *
cf_store_get_manufacturer (CfStore  *self,
                           GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  return get_manufacturer_locked (self, error);
}

static gboolean
set_manufacturer_locked (CfStore         *self,
                         CfManufacturer  *manufacturer,
                         GError         **error)
{
  g_autoptr(CfManufacturer) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (manufacturer), SQL_COLUMNS);
  g_autofree char *updates = _cf_store_field_sql (CF_RECORD (manufacturer), SQL_UPSERT);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (manufacturer), SQL_PLACEHOLDERS);
  g_autofree char *sql = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *now = _cf_store_now ();
  int next, rc;

  if (!_cf_store_normalize_and_validate (CF_RECORD (manufacturer), error))
    return FALSE;

  before = get_manufacturer_locked (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  detail = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (manufacturer));
  if (before != NULL && detail == NULL &&
      cf_record_get_is_example (CF_RECORD (before)) == cf_record_get_is_example (CF_RECORD (manufacturer)))
    {
      /* Nothing changed: nothing to store or to audit. */
      cf_record_copy_fields (CF_RECORD (manufacturer), CF_RECORD (before));
      return TRUE;
    }

  sql = g_strdup_printf ("INSERT INTO manufacturer (id, %s, is_example, updated_at)"
                         " VALUES (1, %s, ?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET %s,"
                         " is_example = excluded.is_example, updated_at = excluded.updated_at",
                         columns, placeholders, updates);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  next = _cf_store_bind_fields (stmt, CF_RECORD (manufacturer), 1);
  sqlite3_bind_int (stmt, next, cf_record_get_is_example (CF_RECORD (manufacturer)));
  sqlite3_bind_text (stmt, next + 1, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the manufacturer"));
      return FALSE;
    }

  if (!_cf_store_audit (self, before ? "manufacturer.update" : "manufacturer.create",
                        "manufacturer", 1, detail, error))
    return FALSE;

  cf_record_set_id (CF_RECORD (manufacturer), 1);
  cf_record_set_updated_at (CF_RECORD (manufacturer), now);

  return TRUE;
}

/**
 * cf_store_set_manufacturer:
 *
 * Records @manufacturer (there is one per project database). Its fields are
 * trimmed and validated first; on success @manufacturer holds what was stored.
 */
gboolean
cf_store_set_manufacturer (CfStore         *self,
                           CfManufacturer  *manufacturer,
                           GError         **error)
{
  g_autoptr(CfTransaction) tx = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_MANUFACTURER (manufacturer), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_manufacturer_locked (self, manufacturer, error))
    return FALSE;

  _cf_transaction_notify (tx, "manufacturer", 1);
  return _cf_transaction_commit (tx, error);
}

static CfRecord *
get_manufacturer_record (CfStore  *self,
                         gint64    id,
                         GError  **error)
{
  GError *local_error = NULL;
  CfManufacturer *manufacturer = get_manufacturer_locked (self, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return CF_RECORD (manufacturer != NULL ? manufacturer : cf_manufacturer_new ());
}

static gboolean
set_manufacturer_record (CfStore   *self,
                         gint64     id,
                         CfRecord  *record,
                         gboolean  *changed,
                         GError   **error)
{
  /* Committed either way, as cf_store_set_manufacturer() does. */
  *changed = TRUE;
  return set_manufacturer_locked (self, CF_MANUFACTURER (record), error);
}

static const CfRecordKind manufacturer_kind =
  { "manufacturer", get_manufacturer_record, set_manufacturer_record };

/**
 * cf_store_edit_manufacturer:
 * @edit: (scope call): changes some fields of the manufacturer as stored
 *   now; when none is recorded yet it gets an empty one, whose id is 0
 *
 * Reads, changes and stores the manufacturer in one transaction, as
 * cf_store_edit_product() does the product.
 */
gboolean
cf_store_edit_manufacturer (CfStore          *self,
                            CfRecordEditFunc  edit,
                            gpointer          user_data,
                            GError          **error)
{
  return _cf_store_edit_record (self, &manufacturer_kind, 1, edit, user_data, error);
}

/* Products */

static CfProduct *
get_product_locked (CfStore  *self,
                    gint64    product_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfProduct) product = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT * FROM product WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("There is no product with id %" PRId64 " in “%s”."),
                   product_id, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cf_store_set_error (self, error, rc, _("read the product"));
      return NULL;
    }

  product = cf_product_new ();
  _cf_store_record_from_row (CF_RECORD (product), stmt);

  return g_steal_pointer (&product);
}

/**
 * cf_store_list_products:
 *
 * Returns: (transfer full) (element-type CfProduct): all products, by name
 */
GPtrArray *
cf_store_list_products (CfStore  *self,
                        GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) products = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  stmt = _cf_store_prepare (self, "SELECT * FROM product ORDER BY name COLLATE NOCASE, model, id",
                            error);
  if (stmt == NULL)
    return NULL;

  products = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfProduct *product = cf_product_new ();

      _cf_store_record_from_row (CF_RECORD (product), stmt);
      g_ptr_array_add (products, product);
    }

  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("list the products"));
      return NULL;
    }

  return g_steal_pointer (&products);
}

/**
 * cf_store_get_product:
 *
 * Returns: (transfer full): the product, or %NULL with %CF_ERROR_NOT_FOUND
 */
CfProduct *
cf_store_get_product (CfStore  *self,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  return get_product_locked (self, product_id, error);
}

static gint64
add_product_locked (CfStore    *self,
                    CfProduct  *product,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (product), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (product), SQL_PLACEHOLDERS);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint64 id;
  int next, rc;

  if (!_cf_store_normalize_and_validate (CF_RECORD (product), error))
    return 0;

  sql = g_strdup_printf ("INSERT INTO product (%s, is_example, created_at, updated_at)"
                         " VALUES (%s, ?, ?, ?)",
                         columns, placeholders);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;

  next = _cf_store_bind_fields (stmt, CF_RECORD (product), 1);
  sqlite3_bind_int (stmt, next, cf_record_get_is_example (CF_RECORD (product)));
  sqlite3_bind_text (stmt, next + 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, next + 2, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("add the product"));
      return 0;
    }

  id = sqlite3_last_insert_rowid (self->db);
  detail = g_strdup_printf ("%s %s", cf_product_get_name (product), cf_product_get_model (product));
  if (!_cf_store_audit (self, "product.create", "product", id, detail, error))
    return 0;

  cf_record_set_id (CF_RECORD (product), id);
  cf_record_set_updated_at (CF_RECORD (product), now);

  return id;
}

/**
 * cf_store_add_product:
 *
 * Validates and stores a new product; on success @product carries its new id.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
cf_store_add_product (CfStore    *self,
                      CfProduct  *product,
                      GError    **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (CF_IS_PRODUCT (product), 0);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  id = add_product_locked (self, product, error);
  if (id == 0)
    return 0;

  _cf_transaction_notify (tx, "product", id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return id;
}

/* Inside a transaction: stores and audits what changed. */
gboolean
_cf_store_update_product_locked (CfStore    *self,
                                 CfProduct  *product,
                                 gboolean   *changed,
                                 GError    **error)
{
  g_autoptr(CfProduct) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *assignments = _cf_store_field_sql (CF_RECORD (product), SQL_ASSIGNMENTS);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  gint64 id = cf_record_get_id (CF_RECORD (product));
  int next, rc;

  *changed = FALSE;
  before = get_product_locked (self, id, error);
  if (before == NULL || !_cf_store_normalize_and_validate (CF_RECORD (product), error))
    return FALSE;

  detail = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (product));
  if (detail == NULL)
    return TRUE;   /* nothing changed: nothing to store or to audit */

  sql = g_strdup_printf ("UPDATE product SET %s, updated_at = ? WHERE id = ?", assignments);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  next = _cf_store_bind_fields (stmt, CF_RECORD (product), 1);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, next + 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("update the product"));
      return FALSE;
    }

  if (!_cf_store_audit (self, "product.update", "product", id, detail, error))
    return FALSE;

  cf_record_set_updated_at (CF_RECORD (product), now);
  *changed = TRUE;
  return TRUE;
}

/**
 * cf_store_update_product:
 *
 * Stores new values for the existing product with @product's id.
 */
gboolean
cf_store_update_product (CfStore    *self,
                         CfProduct  *product,
                         GError    **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_PRODUCT (product), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!_cf_store_update_product_locked (self, product, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, "product", cf_record_get_id (CF_RECORD (product)));
  return _cf_transaction_commit (tx, error);
}

/* Inside one transaction from the read to the write: BEGIN IMMEDIATE takes
 * the write lock first, so no other program can write in between. */
gboolean
_cf_store_edit_record (CfStore            *self,
                       const CfRecordKind *kind,
                       gint64              id,
                       CfRecordEditFunc    edit,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfRecord) record = NULL;
  gboolean changed;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  record = kind->get_locked (self, id, error);
  if (record == NULL ||
      !edit (record, user_data, error) ||
      !kind->set_locked (self, id, record, &changed, error))
    return FALSE;   /* rolled back: nothing stored */
  if (!changed)
    return TRUE;

  _cf_transaction_notify (tx, kind->what, id);
  return _cf_transaction_commit (tx, error);
}

static CfRecord *
get_product_record (CfStore  *self,
                    gint64    id,
                    GError  **error)
{
  return (CfRecord *) get_product_locked (self, id, error);
}

static gboolean
set_product_record (CfStore   *self,
                    gint64     id,
                    CfRecord  *record,
                    gboolean  *changed,
                    GError   **error)
{
  return _cf_store_update_product_locked (self, CF_PRODUCT (record), changed, error);
}

static const CfRecordKind product_kind = { "product", get_product_record, set_product_record };

/**
 * cf_store_edit_product:
 * @edit: (scope call): changes some fields of the product as stored now
 *
 * Reads the product, lets @edit change it and stores what changed, in one
 * transaction. Unlike reading it first and calling cf_store_update_product()
 * later, this cannot put back an old value of a field another program
 * changed in between: the read waits for that program's write.
 */
gboolean
cf_store_edit_product (CfStore          *self,
                       gint64            product_id,
                       CfRecordEditFunc  edit,
                       gpointer          user_data,
                       GError          **error)
{
  return _cf_store_edit_record (self, &product_kind, product_id, edit, user_data, error);
}

/* Declaration details */

static CfDeclarationInfo *
get_declaration_info_locked (CfStore  *self,
                             gint64    product_id,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfDeclarationInfo) info = cf_declaration_info_new ();
  int rc;

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self,
                            "SELECT *, product_id AS id FROM declaration_info WHERE product_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      CfProcedure procedure = CF_PROCEDURE_MODULE_A;

      _cf_store_record_from_row (CF_RECORD (info), stmt);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        if (g_str_equal (sqlite3_column_name (stmt, i), "procedure"))
          cf_procedure_from_id (column_text (stmt, i), &procedure);
      cf_declaration_info_set_procedure (info, procedure);
    }
  else if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the declaration details"));
      return NULL;
    }

  /* A product without stored details has the empty defaults. */
  cf_record_set_id (CF_RECORD (info), product_id);

  return g_steal_pointer (&info);
}

/**
 * cf_store_get_declaration_info:
 *
 * Returns: (transfer full): the declaration details of the product (empty
 *   defaults when none were entered), or %NULL when there is no such product
 */
CfDeclarationInfo *
cf_store_get_declaration_info (CfStore  *self,
                               gint64    product_id,
                               GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  return get_declaration_info_locked (self, product_id, error);
}

static gboolean
set_declaration_info_locked (CfStore            *self,
                             gint64              product_id,
                             CfDeclarationInfo  *info,
                             GError            **error)
{
  g_autoptr(CfDeclarationInfo) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = _cf_store_field_sql (CF_RECORD (info), SQL_COLUMNS);
  g_autofree char *placeholders = _cf_store_field_sql (CF_RECORD (info), SQL_PLACEHOLDERS);
  g_autofree char *updates = _cf_store_field_sql (CF_RECORD (info), SQL_UPSERT);
  g_autofree char *sql = NULL;
  g_autofree char *now = _cf_store_now ();
  g_autofree char *detail = NULL;
  int next, rc;

  before = get_declaration_info_locked (self, product_id, error);
  if (before == NULL || !_cf_store_normalize_and_validate (CF_RECORD (info), error))
    return FALSE;

  detail = _cf_store_describe_changes (CF_RECORD (before), CF_RECORD (info));
  if (cf_declaration_info_get_procedure (before) != cf_declaration_info_get_procedure (info))
    {
      g_autofree char *fields = g_steal_pointer (&detail);

      detail = fields ? g_strconcat ("procedure, ", fields, NULL) : g_strdup ("procedure");
    }

  sql = g_strdup_printf ("INSERT INTO declaration_info (product_id, procedure, %s, updated_at)"
                         " VALUES (?, ?, %s, ?)"
                         " ON CONFLICT (product_id) DO UPDATE SET procedure = excluded.procedure,"
                         " %s, updated_at = excluded.updated_at",
                         columns, placeholders, updates);
  stmt = _cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, cf_procedure_to_id (cf_declaration_info_get_procedure (info)), -1,
                     SQLITE_STATIC);
  next = _cf_store_bind_fields (stmt, CF_RECORD (info), 3);
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("save the declaration details"));
      return FALSE;
    }

  if (detail != NULL &&
      !_cf_store_audit (self, "declaration-info.update", "product", product_id, detail, error))
    return FALSE;

  cf_record_set_id (CF_RECORD (info), product_id);
  cf_record_set_updated_at (CF_RECORD (info), now);

  return TRUE;
}

/**
 * cf_store_set_declaration_info:
 *
 * Stores the declaration details of a product.
 */
gboolean
cf_store_set_declaration_info (CfStore            *self,
                               gint64              product_id,
                               CfDeclarationInfo  *info,
                               GError            **error)
{
  g_autoptr(CfTransaction) tx = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_DECLARATION_INFO (info), FALSE);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!set_declaration_info_locked (self, product_id, info, error))
    return FALSE;

  _cf_transaction_notify (tx, "declaration-info", product_id);
  return _cf_transaction_commit (tx, error);
}

static CfRecord *
get_declaration_info_record (CfStore  *self,
                             gint64    product_id,
                             GError  **error)
{
  return (CfRecord *) get_declaration_info_locked (self, product_id, error);
}

static gboolean
set_declaration_info_record (CfStore   *self,
                             gint64     product_id,
                             CfRecord  *record,
                             gboolean  *changed,
                             GError   **error)
{
  /* Committed either way, as cf_store_set_declaration_info() does. */
  *changed = TRUE;
  return set_declaration_info_locked (self, product_id, CF_DECLARATION_INFO (record), error);
}

static const CfRecordKind declaration_info_kind =
  { "declaration-info", get_declaration_info_record, set_declaration_info_record };

/**
 * cf_store_edit_declaration_info:
 * @edit: (scope call): changes the declaration details as stored now (the
 *   procedure too, the record being a #CfDeclarationInfo)
 *
 * Reads, changes and stores the product's declaration details in one
 * transaction, as cf_store_edit_product() does the product.
 */
gboolean
cf_store_edit_declaration_info (CfStore          *self,
                                gint64            product_id,
                                CfRecordEditFunc  edit,
                                gpointer          user_data,
                                GError          **error)
{
  return _cf_store_edit_record (self, &declaration_info_kind, product_id, edit, user_data, error);
}

/**
 * cf_store_add_example:
 *
 * Adds the example product, with its declaration details, in one
 * transaction. The example manufacturer is recorded only when no
 * manufacturer exists yet: a real one is never overwritten.
 *
 * Returns: the example product's id, or 0 with @error set
 */
gint64
cf_store_add_example (CfStore  *self,
                      GError  **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfManufacturer) existing = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfDeclarationInfo) info = cf_declaration_info_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_STORE (self), 0);

  cf_example_fill (manufacturer, product, info);

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  existing = get_manufacturer_locked (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (existing == NULL)
    {
      if (!set_manufacturer_locked (self, manufacturer, error))
        return 0;
      _cf_transaction_notify (tx, "manufacturer", 1);
    }

  id = add_product_locked (self, product, error);
  if (id == 0 || !set_declaration_info_locked (self, id, info, error))
    return 0;

  /* The store's lock is recursive and SQLite has no nested transactions:
   * these run inside this one through the same connection. */
  {
    g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(CfClassification) classification = cf_classification_new ();

    cf_example_fill_assessment (answers, classification);
    if (!_cf_store_set_scope_answers_locked (self, id, answers, error) ||
        !_cf_store_set_classification_locked (self, id, classification, error))
      return 0;
  }
  {
    g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
    g_autoptr(GPtrArray) threats = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) assessments =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cf_requirement_assessment_free);

    cf_example_fill_risk_assessment (context, threats, assessments);
    if (!_cf_store_set_assessment_context_locked (self, id, context, error))
      return 0;
    for (guint i = 0; i < threats->len; i++)
      if (_cf_store_add_threat_locked (self, id, g_ptr_array_index (threats, i), error) == 0)
        return 0;
    for (guint i = 0; i < assessments->len; i++)
      if (!_cf_store_set_requirement_assessment_locked (self, id, g_ptr_array_index (assessments, i), error))
        return 0;
  }
  {
    g_autoptr(CfUserInformation) user_information = cf_user_information_new ();

    cf_example_fill_user_information (user_information);
    if (!_cf_store_set_user_information_locked (self, id, user_information, error))
      return 0;
  }
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_example_file_free);

    cf_example_fill_evidence (files);
    for (guint i = 0; i < files->len; i++)
      {
        CfExampleFile *file = g_ptr_array_index (files, i);

        gint64 evidence_id = _cf_store_add_evidence_bytes_locked (self, id, file->item, 0, file->file_name,
                                                                  file->media_type, file->content, error);

        if (evidence_id == 0)
          return 0;

        /* The example's SBOM is imported too, so its view is not empty. */
        if (g_strcmp0 (cf_evidence_get_kind (file->item), "sbom") == 0)
          {
            g_autoptr(CfSbom) sbom = cf_sbom_parse (file->content, NULL, error);

            if (sbom == NULL ||
                _cf_store_record_sbom_locked (self, id, evidence_id, file->file_name,
                                              cf_product_get_version (product), sbom, NULL, error) == 0)
              return 0;
            _cf_transaction_notify (tx, "sbom", id);
          }
      }
  }

  _cf_transaction_notify (tx, "product", id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return id;
}

/* Audit log */

void
cf_audit_entry_free (CfAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->object_type);
  g_free (entry->detail);
  g_free (entry);
}

/**
 * cf_store_list_audit:
 * @limit: the most recent entries to return, 0 for all
 *
 * Returns: (transfer full) (element-type CfAuditEntry): the audit log, oldest first
 */
GPtrArray *
cf_store_list_audit (CfStore  *self,
                     guint     limit,
                     GError  **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  stmt = _cf_store_prepare (self,
                            "SELECT * FROM (SELECT id, at, actor, action, object_type, object_id, detail"
                            " FROM audit_log ORDER BY id DESC LIMIT ?) ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfAuditEntry *entry = g_new0 (CfAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (column_text (stmt, 1));
      entry->actor = g_strdup (column_text (stmt, 2));
      entry->action = g_strdup (column_text (stmt, 3));
      entry->object_type = g_strdup (column_text (stmt, 4));
      entry->object_id = sqlite3_column_int64 (stmt, 5);
      entry->detail = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the audit log"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}
