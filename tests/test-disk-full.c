/* test-disk-full.c — the disk filling up in the middle of a long write:
 * a clear error naming what was not stored, the database as it was, and
 * the same write succeeding once there is room again
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The disk is "full" when SQLite's page limit (PRAGMA max_page_count) is
 * reached: SQLite then answers SQLITE_FULL exactly as on a full disk. The
 * limit is set on every connection this process opens, through an
 * automatic extension, so it reaches the store's own connections (evidence
 * is copied on one of its own) without a hook in the store. The CLI runs
 * in this process too, for the same reason, with its stderr caught.
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cf-cli.h"
#include "cf-error.h"
#include "cf-generator.h"
#include "cf-store.h"
#include "cli-harness.h"

#define EVIDENCE_SIZE (12 * 1024 * 1024)
#define SBOM_COMPONENTS 5000

/* The most pages a database may have; 0 for SQLite's own limit. */
static int max_pages;

static int
limit_pages_cb (sqlite3                            *db,
                const char                        **message,
                const struct sqlite3_api_routines  *api)
{
  if (max_pages > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", max_pages);

      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }

  return SQLITE_OK;
}

/* Helpers */

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Every row of every table as one hash: "the database as it was" means the
 * same data, whatever the pages or the WAL look like. */
static char *
fingerprint (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema"
                                       " WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);

      g_checksum_update (checksum, (const guchar *) sql, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int column = 0; column < sqlite3_column_count (stmt); column++)
          {
            guchar type = (guchar) sqlite3_column_type (stmt, column);
            const void *value = sqlite3_column_blob (stmt, column);

            g_checksum_update (checksum, &type, 1);
            if (value != NULL)
              g_checksum_update (checksum, value, sqlite3_column_bytes (stmt, column));
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

/* The disk has room for @pages more pages than the database has now. Pages
 * an earlier failure freed inside the file are room too: VACUUM drops them
 * first (it changes no row). */
static void
fill_disk (Fixture *f,
           int      pages)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (f->db, "PRAGMA freelist_count"), ==, 0);
  max_pages = (int) query_int (f->db, "PRAGMA page_count") + pages;
}

static void
free_disk (void)
{
  max_pages = 0;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);

  return path;
}

static char *
write_evidence (Fixture *f)
{
  g_autofree guint8 *data = g_malloc (EVIDENCE_SIZE);

  for (gsize i = 0; i < EVIDENCE_SIZE; i++)
    data[i] = (guint8) ((i * 2654435761u) >> 13);

  return write_file (f, "firmware.bin", data, EVIDENCE_SIZE);
}

static char *
write_sbom (Fixture *f)
{
  g_autoptr(GString) json = g_string_new ("{ \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\","
                                          " \"version\": 1, \"components\": [");

  for (guint i = 0; i < SBOM_COMPONENTS; i++)
    g_string_append_printf (json, "%s\n { \"type\": \"library\", \"bom-ref\": \"c%u\","
                            " \"name\": \"lib-%u\", \"version\": \"1.%u\","
                            " \"purl\": \"pkg:npm/lib-%u@1.%u\" }",
                            i == 0 ? "" : ",", i, i, i, i, i);
  g_string_append (json, "\n] }\n");

  return write_file (f, "bom.cdx.json", json->str, json->len);
}

/* A message that says the disk is full and names what was not stored. */
static void
assert_full_message (const char *message,
                     const char *what)
{
  g_autofree char *line = g_strchomp (g_strdup (message));

  g_test_message ("%s", line);
  if (strstr (message, "full") == NULL || strstr (message, what) == NULL)
    g_error ("expected a message saying the disk is full and naming “%s”: %s", what, message);
}

/* After the failed write: sound, and holding exactly what it held before. */
static void
assert_unchanged (Fixture    *f,
                  const char *before)
{
  g_autofree char *after = NULL;

  free_disk ();
  assert_integrity (f->db);
  after = fingerprint (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* Runs conformity-cli in this process (so that the page limit reaches its
 * connections) and returns its exit status, with what it wrote on stderr.
 * Its stdout goes to a file too: it must not mix with the TAP output. */
static int
run_cli_here (Fixture     *f,
              char       **err,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (f->dir, "stderr.txt", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "stdout.txt", NULL);
  g_autoptr(GError) error = NULL;
  int saved, saved_out, fd, status;
  va_list ap;

  g_ptr_array_add (argv, g_strdup ("conformity-cli"));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (f->db));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);

  fflush (stdout);
  fflush (stderr);
  saved = dup (STDERR_FILENO);
  saved_out = dup (STDOUT_FILENO);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  dup2 (fd, STDERR_FILENO);
  close (fd);
  fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  dup2 (fd, STDOUT_FILENO);
  close (fd);

  /* cf_cli_run() takes argv as main() gets it, and may reorder it. */
  {
    g_autofree char **args = g_memdup2 (argv->pdata, argv->len * sizeof (char *));

    status = cf_cli_run ((int) argv->len, args);
  }

  fflush (stdout);
  fflush (stderr);
  dup2 (saved, STDERR_FILENO);
  dup2 (saved_out, STDOUT_FILENO);
  close (saved);
  close (saved_out);

  g_file_get_contents (path, err, NULL, &error);
  g_assert_no_error (error);

  return status;
}

static gint64
add_product (Fixture *f)
{
  g_autofree char *id = run_id (f, "product add-example", NULL);

  return g_ascii_strtoll (id, NULL, 10);
}

/* Evidence: segments committed one by one, then the version claiming them */

static void
test_evidence (void)
{
  /* Room for nothing; for one segment and a half; for nearly the whole file. */
  const int rooms[] = { 0, 1500, 3000 };
  Fixture f;
  g_autofree char *input = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 product;

  fixture_set_up (&f, NULL);
  product = add_product (&f);
  input = write_evidence (&f);
  file = g_file_new_for_path (input);
  {
    g_autoptr(GBytes) content = g_file_load_bytes (file, NULL, NULL, NULL);

    sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  }

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      g_autofree char *before = fingerprint (f.db);
      g_autoptr(CfStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfEvidence) item = cf_evidence_new ();
      gint64 id;

      fill_disk (&f, rooms[i]);
      store = cf_store_open (f.db, &error);
      g_assert_no_error (error);
      id = cf_store_add_evidence (store, product, item, 0, file, NULL, NULL, NULL, &error);
      g_assert_cmpint (id, ==, 0);
      g_assert_error (error, CF_ERROR, CF_ERROR_DISK_FULL);
      assert_full_message (error->message, "firmware.bin");
      g_clear_object (&store);

      /* Not a segment of it stays behind: the copy removes what it wrote. */
      assert_unchanged (&f, before);
      g_assert_cmpint (query_int (f.db, "SELECT count(*) FROM evidence_segment WHERE id NOT IN"
                                        " (SELECT segment_id FROM evidence_version_segment)"), ==, 0);
    }

  /* With room again, the same file goes in whole. */
  {
    g_autoptr(CfStore) store = cf_store_open (f.db, NULL);
    g_autoptr(CfEvidence) item = cf_evidence_new ();
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(GError) error = NULL;
    const CfEvidenceVersion *latest;

    gint64 id;

    g_assert_nonnull (store);
    id = cf_store_add_evidence (store, product, item, 0, file, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    items = cf_store_list_evidence (store, product, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cf_evidence_get_id (g_ptr_array_index (items, items->len - 1)), ==, id);
    latest = cf_evidence_get_latest (g_ptr_array_index (items, items->len - 1));
    g_assert_cmpuint (latest->size, ==, EVIDENCE_SIZE);
    g_assert_cmpstr (latest->sha256, ==, sha256);
  }
  assert_integrity (f.db);

  fixture_tear_down (&f, NULL);
}

/* SBOM import: the file, the SBOM and its components in one transaction */

static void
test_sbom (void)
{
  const int rooms[] = { 16, 200 };
  Fixture f;
  g_autofree char *input = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sboms = NULL;
  gint64 product;

  fixture_set_up (&f, NULL);
  product = add_product (&f);
  input = write_sbom (&f);
  file = g_file_new_for_path (input);
  before = fingerprint (f.db);

  /* Room for less than the file; for the file and some of the components. */
  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      fill_disk (&f, rooms[i]);
      store = cf_store_open (f.db, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cf_store_import_sbom (store, product, file, NULL, NULL, NULL, NULL, &error), ==, 0);
      g_assert_error (error, CF_ERROR, CF_ERROR_DISK_FULL);
      assert_full_message (error->message, "SBOM “bom.cdx.json”");
      g_clear_error (&error);
      g_clear_object (&store);
      assert_unchanged (&f, before);
    }

  store = cf_store_open (f.db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_import_sbom (store, product, file, NULL, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  sboms = cf_store_list_sboms (store, product, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((CfSbomInfo *) g_ptr_array_index (sboms, 0))->component_count, ==, SBOM_COMPONENTS);
  g_clear_object (&store);
  assert_integrity (f.db);

  fixture_tear_down (&f, NULL);
}

/* Document generation: rendered, then stored with its hash */

static void
test_document (void)
{
  Fixture f;
  g_autofree char *before = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 product;

  fixture_set_up (&f, NULL);
  product = add_product (&f);
  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  before = fingerprint (f.db);

  fill_disk (&f, 4);
  store = cf_store_open (f.db, &error);
  g_assert_no_error (error);
  generator = cf_generator_new (store, catalogue);
  info = cf_generator_generate (generator, product, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, CF_ERROR, CF_ERROR_DISK_FULL);
  assert_full_message (error->message, "Technical Documentation version 1");
  g_clear_error (&error);
  g_clear_object (&generator);
  g_clear_object (&store);
  assert_unchanged (&f, before);

  /* With room again it is stored, as version 1: the failure took no number. */
  store = cf_store_open (f.db, &error);
  g_assert_no_error (error);
  generator = cf_generator_new (store, catalogue);
  info = cf_generator_generate (generator, product, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_document_info_get_version (info), ==, 1);
  g_clear_object (&generator);
  g_clear_object (&store);
  assert_integrity (f.db);

  fixture_tear_down (&f, NULL);
}

/* What a user of the CLI sees: one line saying what was not stored and
 * why, exit status 1, nothing changed; and the same command works later. */

typedef struct
{
  const char *what;      /* named in the message */
  int         room;      /* pages left */
  const char *args[8];   /* after --db; "@" stands for the product, "%" for the input */
} CliCase;

static void
test_cli (gconstpointer data)
{
  const CliCase *cli = data;
  Fixture f;
  g_autofree char *product = NULL;
  g_autofree char *input = NULL;
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  const char *args[8] = { NULL, };
  int status;

  fixture_set_up (&f, NULL);
  product = run_id (&f, "product add-example", NULL);
  input = g_str_equal (cli->args[0], "sbom") ? write_sbom (&f) : write_evidence (&f);
  for (guint i = 0; cli->args[i] != NULL; i++)
    args[i] = g_str_equal (cli->args[i], "@") ? product
              : g_str_equal (cli->args[i], "%") ? input
              : cli->args[i];
  before = fingerprint (f.db);

  fill_disk (&f, cli->room);
  status = run_cli_here (&f, &err, args[0], args[1], args[2], args[3], args[4], args[5], args[6], NULL);
  g_assert_cmpint (status, ==, CF_CLI_EXIT_FAILURE);
  g_assert_true (g_str_has_prefix (err, "conformity-cli: "));
  assert_one_line (err);
  assert_full_message (err, cli->what);
  assert_unchanged (&f, before);
  g_clear_pointer (&err, g_free);

  status = run_cli_here (&f, &err, args[0], args[1], args[2], args[3], args[4], args[5], args[6], NULL);
  if (status != CF_CLI_EXIT_OK)
    g_error ("the command failed with room on the disk: %s", err);
  assert_integrity (f.db);

  fixture_tear_down (&f, NULL);
}

static const CliCase cli_evidence = { "firmware.bin", 1500, { "evidence", "add", "@", "%", NULL } };
static const CliCase cli_sbom = { "SBOM “bom.cdx.json”", 16, { "sbom", "import", "@", "%", NULL } };
static const CliCase cli_generate = { "Technical Documentation version 1", 4,
                                      { "generate", "@", "--kind", "technical-documentation", NULL } };

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sqlite3_auto_extension ((void (*) (void)) limit_pages_cb);

  g_test_add_func ("/disk-full/evidence", test_evidence);
  g_test_add_func ("/disk-full/sbom", test_sbom);
  g_test_add_func ("/disk-full/document", test_document);
  g_test_add_data_func ("/disk-full/cli/evidence", &cli_evidence, test_cli);
  g_test_add_data_func ("/disk-full/cli/sbom", &cli_sbom, test_cli);
  g_test_add_data_func ("/disk-full/cli/generate", &cli_generate, test_cli);

  return g_test_run ();
}
