/* cli-harness.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-harness.h"

void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

void
assert_one_line (const char *text)
{
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "project.db", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Runs conformity-cli --db <fixture db> --actor ACTOR ARGS… without a shell. */
Result *
run_argv (Fixture            *f,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "CONFORMITY_DB");
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CONFORMITY_CLI");
  Result *result = g_new0 (Result, 1);
  int wait_status = 0;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (char *) "--actor");
  g_ptr_array_add (argv, (char *) ACTOR);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  /* A crash (or a fatal warning under G_DEBUG) is never an acceptable answer. */
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  return result;
}

Result *
run_va (Fixture    *f,
        const char *first,
        va_list     ap,
        const char *last)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  if (last != NULL)
    g_ptr_array_add (args, (char *) last);
  g_ptr_array_add (args, NULL);

  return run_argv (f, (const char * const *) args->pdata);
}

Result *
run (Fixture    *f,
     const char *first,
     ...)
{
  Result *result;
  va_list ap;

  va_start (ap, first);
  result = run_va (f, first, ap, NULL);
  va_end (ap);

  return result;
}

void
assert_ok (Result *result)
{
  if (result->status != 0)
    g_printerr ("unexpected failure (%d): %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, 0);
}

/* A refusal: the exit status, one line on stderr naming the problem, nothing on stdout. */
void
assert_refused (Result     *result,
                int         status,
                const char *mentioned)
{
  if (result->status != status)
    g_printerr ("expected status %d, got %d: %s", status, result->status, result->err);
  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "conformity-cli: "));
  assert_one_line (result->err);
  if (mentioned != NULL && strstr (result->err, mentioned) == NULL)
    g_error ("stderr does not mention “%s”: %s", mentioned, result->err);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Runs a command with --json appended and returns its parsed output. */
JsonNode *
run_json (Fixture    *f,
          const char *first,
          ...)
{
  g_autoptr(Result) result = NULL;
  va_list ap;

  va_start (ap, first);
  result = run_va (f, first, ap, "--json");
  va_end (ap);
  assert_ok (result);

  return parse_json (result->out);
}

/* Runs a command that prints an id alone and returns it. */
char *
run_id (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(Result) result = NULL;
  va_list ap;

  va_start (ap, first);
  result = run_va (f, first, ap, NULL);
  va_end (ap);
  assert_ok (result);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", result->out, 0, 0));

  return g_strchomp (g_steal_pointer (&result->out));
}

/* The database file's bytes: a refusal must leave it exactly as it was. */
GBytes *
read_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_file_get_contents (f->db, &contents, &size, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, size);
}

void
assert_db_unchanged (Fixture *f,
                     GBytes  *before)
{
  g_autoptr(GBytes) after = read_db (f);

  g_assert_true (g_bytes_equal (before, after));
}

/* What SQLite itself says of the file, on a connection of the test's own
 * (which also recovers a WAL left by a killed process): "ok", and no row
 * pointing at one that is not there. */
void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}
