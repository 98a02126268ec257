/* test-crash-safety.c — conformity-cli killed with SIGKILL at random moments
 * of its long writes: the database stays sound and opens, every item is
 * wholly there or absent, and the same command then runs to the end
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The moments come from a seeded generator; the seed is in the test log.
 * CONFORMITY_CRASH_SEED=N replays a run, CONFORMITY_CRASH_ITERATIONS=N
 * kills each command N times (default 20).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-store.h"
#include "cli-harness.h"

#define DEFAULT_ITERATIONS 20

/* Kills per database: several, so that they also meet items made before,
 * and not too many, so that checking the whole file each time stays quick. */
#define KILLS_PER_DATABASE 4

/* Four segments of evidence (each committed on its own), so that kills
 * land between them as well as inside them. */
#define EVIDENCE_SIZE (16 * 1024 * 1024)
#define SBOM_COMPONENTS 20000

typedef struct _Crash Crash;

typedef struct
{
  void (*prepare)    (Crash   *c);   /* the input, once */
  void (*prepare_db) (Crash   *c);   /* what the command needs in a new database; may be NULL */
  /* All or nothing, read straight from the file, then through the store. */
  void (*check_sql)  (Crash   *c,
                      sqlite3 *db);
  void (*check_app)  (Crash   *c,
                      CfStore *store);
} Kind;

struct _Crash
{
  Fixture     f;
  const Kind *kind;
  GRand      *rand;
  GPtrArray  *args;       /* the command, without --db and --actor */
  char       *input;      /* the file the command reads */
  char       *sha256;     /* … its SHA-256 */
  gsize       size;       /* … and size */
  char       *product;    /* the product's id, as text */
  char       *seal;       /* the dossier's (review open) */
  guint       started;    /* runs of the command on this database, killed or not */
  guint       finished;   /* … that ran to the end */
  guint       orphans;    /* most segments of unfinished copies seen at once */
  GHashTable *hashed;     /* evidence versions whose content was hashed already */
};

/* Helpers */

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema"
                                          " WHERE type = 'table' AND name = '%s'", table);

  return query_int (db, sql) > 0;
}

static char *
write_input (Crash      *c,
             const char *name,
             const void *data,
             gsize       size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (c->f.dir, name, NULL);

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
  c->input = path;
  c->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  c->size = size;

  return path;
}

static void
add_args (Crash      *c,
          const char *first,
          ...)
{
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (c->args, g_strdup (arg));
  va_end (ap);
}

static GSubprocess *
spawn (Crash *c)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "CONFORMITY_DB");
  g_autofree char *err = g_build_filename (c->f.dir, "stderr.txt", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) g_getenv ("CONFORMITY_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, c->f.db);
  g_ptr_array_add (argv, (char *) "--actor");
  g_ptr_array_add (argv, (char *) ACTOR);
  for (guint i = 0; i < c->args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (c->args, i));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_stderr_file_path (launcher, err);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  c->started++;

  return process;
}

/* A run that ended by itself must have succeeded. */
static void
assert_succeeded (Crash       *c,
                  GSubprocess *process)
{
  g_autofree char *path = g_build_filename (c->f.dir, "stderr.txt", NULL);
  g_autofree char *err = NULL;

  if (g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0)
    {
      c->finished++;
      return;
    }

  g_file_get_contents (path, &err, NULL, NULL);
  g_error ("%s failed (wait status %d) after a kill: %s", (char *) g_ptr_array_index (c->args, 0),
           g_subprocess_get_status (process), err ? err : "");
}

/* Runs the command to the end; returns how long it took, in µs. */
static gint64
run_to_end (Crash *c)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = spawn (c);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  assert_succeeded (c, process);

  return g_get_monotonic_time () - start;
}

/* Starts the command and kills it after @delay µs, unless it ended first.
 * Returns whether the kill interrupted it. */
static gboolean
run_and_kill (Crash  *c,
              gulong  delay)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = spawn (c);
  g_usleep (delay);
  g_subprocess_force_exit (process);   /* SIGKILL */
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }

  assert_succeeded (c, process);
  return FALSE;
}

static void
new_database (Crash *c)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (c->f.db, suffixes[i], NULL);

      g_unlink (path);
    }
  g_hash_table_remove_all (c->hashed);

  if (c->kind->prepare_db != NULL)
    c->kind->prepare_db (c);
  c->started = c->finished = 0;
}

static gint64
product_id (Crash *c)
{
  return g_ascii_strtoll (c->product, NULL, 10);
}

/* Between what the runs that ended made and what all the runs could have. */
static void
assert_count (Crash  *c,
              gint64  count)
{
  g_assert_cmpint (count, >=, c->finished);
  g_assert_cmpint (count, <=, c->started);
}

/* The whole check after a kill or a run: SQLite's own, then the command's
 * items read from the file, then the store opened as the window opens it. */
static void
check (Crash *c)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* Killed before it even created the file: nothing there, nothing half. */
  if (!g_file_test (c->f.db, G_FILE_TEST_EXISTS))
    {
      g_assert_null (c->kind->prepare_db);
      g_assert_cmpuint (c->finished, ==, 0);
      return;
    }

  assert_integrity (c->f.db);

  g_assert_cmpint (sqlite3_open_v2 (c->f.db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  c->kind->check_sql (c, db);
  sqlite3_close (db);

  store = cf_store_open (c->f.db, &error);
  g_assert_no_error (error);
  c->kind->check_app (c, store);
}

/* The SHA-256 of a version's content, from its segments in order. */
static char *
hash_segments (sqlite3 *db,
               gint64   version_id,
               guint64 *size)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  gint expected_seq = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT vs.seq, s.data FROM evidence_version_segment vs"
                                       " JOIN evidence_segment s ON s.id = vs.segment_id"
                                       " WHERE vs.version_id = ? ORDER BY vs.seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, version_id);
  *size = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, expected_seq++);
      g_checksum_update (checksum, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      *size += (guint64) sqlite3_column_bytes (stmt, 1);
    }
  sqlite3_finalize (stmt);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Every stored version is the input, whole: size, recorded SHA-256, and
 * the content itself (hashed once per version). Returns how many. */
static gint64
check_versions (Crash   *c,
                sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0, orphans;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, size, sha256 FROM evidence_version", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, (gint64) c->size);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, c->sha256);
      if (!g_hash_table_contains (c->hashed, &id))
        {
          guint64 size;
          g_autofree char *sha256 = hash_segments (db, id, &size);

          g_assert_cmpuint (size, ==, c->size);
          g_assert_cmpstr (sha256, ==, c->sha256);
          g_hash_table_add (c->hashed, g_memdup2 (&id, sizeof id));
        }
      n++;
    }
  sqlite3_finalize (stmt);

  /* An item exists only with its version: none is left without one. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evidence e WHERE NOT EXISTS"
                                  " (SELECT 1 FROM evidence_version v WHERE v.evidence_id = e.id)"), ==, 0);

  /* Segments of a copy that was cut short belong to no version: nothing
   * shows them, and the store sweeps them away a day on. */
  orphans = query_int (db, "SELECT count(*) FROM evidence_segment WHERE id NOT IN"
                           " (SELECT segment_id FROM evidence_version_segment)");
  c->orphans = MAX (c->orphans, (guint) orphans);

  return n;
}

/* evidence add: a file of 16 MiB, copied in segments */

static void
evidence_prepare (Crash *c)
{
  g_autofree guint8 *data = g_malloc (EVIDENCE_SIZE);

  for (gsize i = 0; i < EVIDENCE_SIZE; i += 4)
    {
      guint32 word = g_rand_int (c->rand);

      memcpy (data + i, &word, sizeof word);
    }
  write_input (c, "firmware.bin", data, EVIDENCE_SIZE);
  add_args (c, "evidence", "add", c->product, c->input, "--title", "Firmware image", NULL);
}

/* The product is 1 in every new database. */
static void
add_product (Crash *c)
{
  g_autofree char *id = run_id (&c->f, "product add", "--name", "Router", "--model", "R-1",
                                "--version", "1.0", NULL);

  g_assert_cmpstr (id, ==, c->product);
}

static void
evidence_check_sql (Crash   *c,
                    sqlite3 *db)
{
  gint64 items = query_int (db, "SELECT count(*) FROM evidence");

  g_assert_cmpint (check_versions (c, db), ==, items);
  assert_count (c, items);
}

static void
evidence_check_app (Crash   *c,
                    CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cf_store_list_evidence (store, product_id (c), &error);

  g_assert_no_error (error);
  assert_count (c, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const CfEvidenceVersion *latest = cf_evidence_get_latest (g_ptr_array_index (items, i));

      g_assert_cmpuint (latest->size, ==, c->size);
      g_assert_cmpstr (latest->sha256, ==, c->sha256);
    }
}

/* sbom import: a CycloneDX file of 20,000 components, in one transaction */

static char *
make_cyclonedx (guint n)
{
  GString *json = g_string_new ("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n"
                                "  \"version\": 1,\n  \"metadata\": {\n"
                                "    \"timestamp\": \"2027-03-01T12:00:00Z\",\n"
                                "    \"component\": { \"type\": \"firmware\", \"name\": \"Router\","
                                " \"version\": \"1.0\" }\n  },\n  \"components\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s\n    { \"type\": \"library\", \"bom-ref\": \"pkg:npm/lib-%u@1.%u\","
                            " \"name\": \"lib-%u\", \"version\": \"1.%u\","
                            " \"purl\": \"pkg:npm/lib-%u@1.%u\","
                            " \"hashes\": [ { \"alg\": \"SHA-256\", \"content\": \"%064x\" } ] }",
                            i == 0 ? "" : ",", i, i % 97, i, i % 97, i, i % 97, i);
  g_string_append (json, "\n  ]\n}\n");

  return g_string_free (json, FALSE);
}

static void
sbom_prepare (Crash *c)
{
  g_autofree char *json = make_cyclonedx (SBOM_COMPONENTS);

  write_input (c, "bom.cdx.json", json, strlen (json));
  add_args (c, "sbom", "import", c->product, c->input, NULL);
}

static void
sbom_check_sql (Crash   *c,
                sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  /* Every SBOM with all its components, none with some. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT component_count,"
                                       " (SELECT count(*) FROM sbom_component k WHERE k.sbom_id = s.id),"
                                       " (SELECT max (seq) FROM sbom_component k WHERE k.sbom_id = s.id)"
                                       " FROM sbom s",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, SBOM_COMPONENTS);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, SBOM_COMPONENTS);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, SBOM_COMPONENTS - 1);
      n++;
    }
  sqlite3_finalize (stmt);
  assert_count (c, n);

  /* The file kept as evidence and the SBOM read from it come together. */
  g_assert_cmpint (check_versions (c, db), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sbom s WHERE NOT EXISTS"
                                  " (SELECT 1 FROM evidence_version v WHERE v.evidence_id = s.evidence_id"
                                  " AND v.version = s.evidence_version)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'sbom.import'"), ==, n);
}

static void
sbom_check_app (Crash   *c,
                CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sboms = cf_store_list_sboms (store, product_id (c), &error);

  g_assert_no_error (error);
  assert_count (c, sboms->len);
  for (guint i = 0; i < sboms->len; i++)
    {
      const CfSbomInfo *info = g_ptr_array_index (sboms, i);

      g_assert_cmpuint (info->component_count, ==, SBOM_COMPONENTS);
      g_assert_cmpstr (info->sha256, ==, c->sha256);
    }
}

/* generate: the technical documentation of the example product */

static void
generate_prepare (Crash *c)
{
  add_args (c, "generate", c->product, "--kind", "technical-documentation", NULL);
}

static void
add_example (Crash *c)
{
  g_autofree char *id = run_id (&c->f, "product add-example", NULL);

  g_assert_cmpstr (id, ==, c->product);
}

static void
assert_is_pdf (const guint8 *data,
               gsize         size)
{
  /* A PDF may end with a line break after its last line. */
  while (size > 0 && g_ascii_isspace (data[size - 1]))
    size--;

  g_assert_cmpuint (size, >, 10);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_cmpmem (data + size - 5, 5, "%%EOF", 5);
}

static void
generate_check_sql (Crash   *c,
                    sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT version, size, sha256, content FROM document"
                                       " WHERE kind = 'technical-documentation' ORDER BY version",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const guint8 *content = sqlite3_column_blob (stmt, 3);
      gsize size = (gsize) sqlite3_column_bytes (stmt, 3);
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, content, size);

      /* Versions 1, 2, 3 …: none lost in the middle. */
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ++n);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, (gint64) size);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, sha256);
      assert_is_pdf (content, size);
    }
  sqlite3_finalize (stmt);
  assert_count (c, n);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'document.generate'"
                                  " AND detail LIKE 'technical-documentation %'"), ==, n);
}

static void
generate_check_app (Crash   *c,
                    CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = cf_store_list_documents (store, product_id (c),
                                                            &error);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GBytes) pdf = NULL;
  CfDocumentInfo *newest;

  g_assert_no_error (error);
  assert_count (c, documents->len);
  if (documents->len == 0)
    return;

  /* The newest read out as the window opens it, its SHA-256 checked on the way. */
  newest = g_ptr_array_index (documents, 0);
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (cf_store_write_document (store, cf_document_info_get_id (newest), out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  pdf = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpint (g_bytes_get_size (pdf), ==, cf_document_info_get_size (newest));
  assert_is_pdf (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
}

/* review open: a dossier of 16 MiB, verified, then its review stored */

static void
review_prepare (Crash *c)
{
  Fixture source = { c->f.dir, g_build_filename (c->f.dir, "manufacturer.db", NULL) };
  g_autofree guint8 *data = g_malloc (EVIDENCE_SIZE);
  g_autofree char *product = NULL;
  g_autofree char *evidence = g_build_filename (c->f.dir, "pentest.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) result = NULL;

  /* The manufacturer's side: a product, a document, a large evidence file. */
  for (gsize i = 0; i < EVIDENCE_SIZE; i++)
    data[i] = (guint8) g_rand_int (c->rand);
  g_file_set_contents (evidence, (const char *) data, EVIDENCE_SIZE, &error);
  g_assert_no_error (error);
  product = run_id (&source, "product add-example", NULL);
  g_free (run_id (&source, "generate", product, "--kind", "declaration", NULL));
  g_free (run_id (&source, "evidence", "add", product, evidence, NULL));

  c->input = g_build_filename (c->f.dir, "dossier.zip", NULL);
  result = run (&source, "dossier", "export", product, "--out", c->input, NULL);
  assert_ok (result);
  c->seal = g_strchomp (g_steal_pointer (&result->out));
  g_assert_cmpuint (strlen (c->seal), ==, 64);
  g_free (source.db);

  add_args (c, "review", "open", c->input, NULL);
}

static void
review_check_sql (Crash   *c,
                  sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  /* Killed while the schema was being made: no review yet. */
  if (!has_table (db, "review"))
    {
      g_assert_cmpint (c->finished, ==, 0);
      return;
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seal, manifest, assessment FROM review", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *manifest_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                   sqlite3_column_blob (stmt, 1),
                                                                   sqlite3_column_bytes (stmt, 1));

      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, c->seal);
      g_assert_cmpstr (manifest_sha, ==, c->seal);
      g_assert_cmpint (sqlite3_column_bytes (stmt, 2), >, 0);
      n++;
    }
  sqlite3_finalize (stmt);

  /* Opening the same dossier again takes its review up: one at most. */
  g_assert_cmpint (n, <=, 1);
  if (c->finished > 0)
    g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'review.open'"), ==, n);
}

static void
review_check_app (Crash   *c,
                  CfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = cf_store_list_reviews (store, &error);
  g_autoptr(CfReview) review = NULL;
  g_autofree char *manifest_sha = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, <=, 1);
  if (reviews->len == 0)
    {
      g_assert_cmpint (c->finished, ==, 0);
      return;
    }

  review = cf_store_get_review (store, ((CfReview *) g_ptr_array_index (reviews, 0))->id, &error);
  g_assert_no_error (error);
  manifest_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, review->manifest, -1);
  g_assert_cmpstr (review->seal, ==, c->seal);
  g_assert_cmpstr (manifest_sha, ==, c->seal);
}

/* The test */

/* review open makes its database itself: a kill may land in its creation. */
static const Kind evidence_add = { evidence_prepare, add_product, evidence_check_sql, evidence_check_app };
static const Kind sbom_import = { sbom_prepare, add_product, sbom_check_sql, sbom_check_app };
static const Kind generate = { generate_prepare, add_example, generate_check_sql, generate_check_app };
static const Kind review_open = { review_prepare, NULL, review_check_sql, review_check_app };

/* One seed for the whole program, so that one number replays any test. */
static guint32 seed;

static guint
iterations (void)
{
  const char *env = g_getenv ("CONFORMITY_CRASH_ITERATIONS");
  guint64 n = env != NULL ? g_ascii_strtoull (env, NULL, 10) : DEFAULT_ITERATIONS;

  return n > 0 ? (guint) n : DEFAULT_ITERATIONS;
}

static void
test_kill (gconstpointer data)
{
  Crash c = { { NULL, }, data, };
  guint n = iterations ();
  gint64 duration, total = 0;
  guint runs = 0, killed = 0;

  /* Printed first, so that a failure can be replayed exactly. */
  g_test_message ("CONFORMITY_CRASH_SEED=%" G_GUINT32_FORMAT " CONFORMITY_CRASH_ITERATIONS=%u", seed, n);
  c.rand = g_rand_new_with_seed (seed);
  c.args = g_ptr_array_new_with_free_func (g_free);
  c.hashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c.product = g_strdup ("1");
  fixture_set_up (&c.f, NULL);
  c.kind->prepare (&c);

  /* One run to the end first: kills are spread over how long one takes. */
  new_database (&c);
  total += run_to_end (&c);
  runs++;
  check (&c);

  for (guint i = 0; i < n; i++)
    {
      gulong delay;

      if (i % KILLS_PER_DATABASE == 0)
        new_database (&c);

      duration = total / runs;
      delay = (gulong) g_rand_double_range (c.rand, 0, 1.2 * (double) duration);
      if (run_and_kill (&c, delay))
        killed++;
      check (&c);

      /* Nothing a kill leaves behind (a WAL, a lock, half a schema) stops the next run. */
      total += run_to_end (&c);
      runs++;
      check (&c);
    }

  g_test_message ("%u of %u runs killed before they ended; a run takes %" G_GINT64_FORMAT " ms;"
                  " at most %u segments of unfinished copies at once",
                  killed, n, total / runs / 1000, c.orphans);

  /* The test proves something only if kills did land in the middle (with a
   * few kills, all may come late by chance). */
  if (n >= 10)
    g_assert_cmpuint (killed, >, 0);

  g_rand_free (c.rand);
  g_ptr_array_unref (c.args);
  g_hash_table_unref (c.hashed);
  g_free (c.input);
  g_free (c.sha256);
  g_free (c.product);
  g_free (c.seal);
  fixture_tear_down (&c.f, NULL);
}

/* The segments killed copies leave behind are swept when the store is
 * opened a day later, and nothing else goes with them. */
static void
test_sweep (void)
{
  Crash c = { { NULL, }, &evidence_add, };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 duration;
  guint tries = 0;

  g_test_message ("CONFORMITY_CRASH_SEED=%" G_GUINT32_FORMAT, seed);
  c.rand = g_rand_new_with_seed (seed);
  c.args = g_ptr_array_new_with_free_func (g_free);
  c.hashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c.product = g_strdup ("1");
  fixture_set_up (&c.f, NULL);
  evidence_prepare (&c);
  new_database (&c);
  duration = run_to_end (&c);

  /* Kill copies until one has left a segment behind: late in the copy,
   * when segments have been committed. */
  while (c.orphans == 0)
    {
      g_assert_cmpuint (tries++, <, 100);
      run_and_kill (&c, (gulong) g_rand_double_range (c.rand, 0.3 * (double) duration, (double) duration));
      check (&c);
    }

  g_assert_cmpint (sqlite3_open_v2 (c.f.db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence_segment SET created_at = '2000-01-01T00:00:00Z'"
                                     " WHERE id NOT IN (SELECT segment_id FROM evidence_version_segment)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cf_store_open (c.f.db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (c.f.db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evidence_segment WHERE id NOT IN"
                                  " (SELECT segment_id FROM evidence_version_segment)"), ==, 0);
  sqlite3_close (db);
  g_hash_table_remove_all (c.hashed);
  check (&c);

  g_rand_free (c.rand);
  g_ptr_array_unref (c.args);
  g_hash_table_unref (c.hashed);
  g_free (c.input);
  g_free (c.sha256);
  g_free (c.product);
  fixture_tear_down (&c.f, NULL);
}

int
main (int    argc,
      char **argv)
{
  const char *env = g_getenv ("CONFORMITY_CRASH_SEED");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : g_random_int ();

  g_test_add_data_func ("/crash-safety/evidence-add", &evidence_add, test_kill);
  g_test_add_data_func ("/crash-safety/sbom-import", &sbom_import, test_kill);
  g_test_add_data_func ("/crash-safety/generate", &generate, test_kill);
  g_test_add_data_func ("/crash-safety/review-open", &review_open, test_kill);
  g_test_add_func ("/crash-safety/sweep", test_sweep);

  return g_test_run ();
}
