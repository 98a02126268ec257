/* test-evidence.c — evidence files: streamed, hashed, versioned, verified
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-error.h"
#include "cf-store.h"

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-evidence-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (f->path, "tester", &error);
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (product), "name", "Router");
  cf_record_set_field (CF_RECORD (product), "model", "R-1");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Bytes that differ from one position to the next, so that a chunk written
 * in the wrong place would show. */
static GBytes *
pattern (gsize size)
{
  guint8 *data = g_malloc (size ? size : 1);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 2654435761u) >> 13);

  return g_bytes_new_take (data, size);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            GBytes     *content)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (content, NULL), (gssize) g_bytes_get_size (content), &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GBytes *
read_back (Fixture *f,
           gint64   evidence_id,
           gint     version)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_write_evidence (f->store, evidence_id, version, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static guint
count_rows (Fixture    *f,
            const char *table)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static guint
count_audit (Fixture *f)
{
  return count_rows (f, "audit_log");
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, *last);
  *last = done;
}

/* Empty, small and multi-chunk files come back byte for byte, with the
 * SHA-256 of what was read. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const gsize sizes[] = { 0, 1, 4096, 3 * 1024 * 1024 + 17 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) content = pattern (sizes[i]);
      g_autofree char *name = g_strdup_printf ("file-%u.bin", i);
      g_autoptr(GFile) file = write_file (f, name, content);
      g_autoptr(CfEvidence) item = cf_evidence_new ();
      g_autoptr(CfEvidence) read = NULL;
      g_autoptr(GBytes) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
      guint64 last = 0;
      gint64 id;

      id = cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, progress_cb, &last, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpuint (last, ==, sizes[i]);

      read = cf_store_get_evidence (f->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cf_evidence_get_title (read), ==, name);
      g_assert_cmpstr (cf_evidence_get_kind (read), ==, "other");
      g_assert_cmpuint (cf_evidence_get_latest (read)->size, ==, sizes[i]);
      g_assert_cmpstr (cf_evidence_get_latest (read)->sha256, ==, sha256);
      g_assert_cmpstr (cf_evidence_get_latest (read)->added_by, ==, "tester");
      g_assert_cmpint (cf_evidence_get_latest (read)->version, ==, 1);

      back = read_back (f, id, 0);
      g_assert_true (g_bytes_equal (back, content));
    }
}

static void
test_media_type_and_kind (Fixture       *f,
                          gconstpointer  data)
{
  static const char sbom[] = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}";
  g_autoptr(GBytes) content = g_bytes_new_static (sbom, sizeof sbom - 1);
  g_autoptr(GFile) file = write_file (f, "router.cdx.json", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GError) error = NULL;

  cf_evidence_set_title (item, "SBOM of firmware 1.2");
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_evidence_get_kind (item), ==, "sbom");
  g_assert_cmpstr (cf_evidence_get_latest (item)->media_type, ==, "application/json");
  g_assert_cmpstr (cf_evidence_get_latest (item)->file_name, ==, "router.cdx.json");
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) first = pattern (1000);
  g_autoptr(GBytes) second = pattern (2000);
  g_autoptr(GFile) file1 = write_file (f, "report-v1.pdf", first);
  g_autoptr(GFile) file2 = write_file (f, "report-v2.pdf", second);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(CfEvidence) read = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  cf_evidence_set_title (item, "Test report");
  cf_evidence_set_kind (item, "test-report");
  id = cf_store_add_evidence (f->store, f->product_id, item, 0, file1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, NULL, id, file2, NULL, NULL, NULL, &error), ==, id);
  g_assert_no_error (error);

  read = cf_store_get_evidence (f->store, id, &error);
  g_assert_cmpint (cf_evidence_get_latest (read)->version, ==, 2);
  g_assert_cmpstr (cf_evidence_get_latest (read)->file_name, ==, "report-v2.pdf");
  g_assert_cmpstr (cf_evidence_get_title (read), ==, "Test report");

  versions = cf_store_list_evidence_versions (f->store, id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpuint (((CfEvidenceVersion *) g_ptr_array_index (versions, 0))->size, ==, 1000);

  /* The first version stays as it was. */
  back = read_back (f, id, 1);
  g_assert_true (g_bytes_equal (back, first));
  g_clear_pointer (&back, g_bytes_unref);
  back = read_back (f, id, 0);
  g_assert_true (g_bytes_equal (back, second));

  /* A sealed version cannot be changed, even by SQL from outside. */
  {
    sqlite3 *db;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence_version SET file_name = 'x'", NULL, NULL, &message), !=,
                     SQLITE_OK);
    g_assert_nonnull (strstr (message, "cannot be changed"));
    sqlite3_free (message);
    sqlite3_close (db);
  }
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) content = pattern (10);
  g_autoptr(GFile) file = write_file (f, "policy.md", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(CfThreat) threat = cf_threat_new ();
  g_autoptr(CfEvidence) read = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *requirements[] = { "AnnexI.PartII.5", "AnnexI.PartII.6", "AnnexI.PartII.5", NULL };
  gint threats[] = { 1 };
  gint unknown[] = { 9 };
  guint audit;
  gint64 id;

  cf_threat_set_asset (threat, "Firmware");
  cf_threat_set_title (threat, "Unreported vulnerability");
  cf_threat_set_stride (threat, "tampering");
  cf_threat_set_likelihood (threat, 2);
  cf_threat_set_impact (threat, 3);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, threat, &error), ==, 1);

  cf_evidence_set_requirements (item, requirements);
  cf_evidence_set_threats (item, threats, 1);
  id = cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  listed = cf_store_list_evidence (f->store, f->product_id, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  read = g_object_ref (g_ptr_array_index (listed, 0));
  g_assert_cmpuint (g_strv_length ((char **) cf_evidence_get_requirements (read)), ==, 2);
  g_assert_true (cf_evidence_has_requirement (read, "AnnexI.PartII.6"));
  g_assert_true (cf_evidence_has_threat (read, 1));
  g_assert_cmpstr (cf_evidence_get_kind (read), ==, "policy");

  /* A threat that is not in the register: refused, nothing changed. */
  audit = count_audit (f);
  cf_evidence_set_threats (read, unknown, 1);
  cf_evidence_set_title (read, "Renamed");
  g_assert_false (cf_store_update_evidence (f->store, read, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "T9"));
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (f), ==, audit);
  g_clear_object (&read);
  read = cf_store_get_evidence (f->store, id, &error);
  g_assert_cmpstr (cf_evidence_get_title (read), !=, "Renamed");
  g_assert_true (cf_evidence_has_threat (read, 1));

  /* A valid change: title, expiry, links. */
  cf_evidence_set_title (read, "CVD policy");
  cf_evidence_set_valid_until (read, "2027-06-30");
  cf_evidence_set_threats (read, NULL, 0);
  g_assert_true (cf_store_update_evidence (f->store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = cf_store_get_evidence (f->store, id, &error);
  g_assert_cmpstr (cf_evidence_get_title (read), ==, "CVD policy");
  g_assert_cmpstr (cf_evidence_get_valid_until (read), ==, "2027-06-30");
  g_assert_cmpuint (cf_evidence_get_threats (read)->len, ==, 0);

  /* A bad date is refused, naming the field. */
  cf_evidence_set_valid_until (read, "2027-02-30");
  g_assert_false (cf_store_update_evidence (f->store, read, &error));
  g_assert_nonnull (strstr (error->message, "Valid until"));
  g_clear_error (&error);

  /* Removing the threat removes the link, not the evidence. */
  cf_evidence_set_valid_until (read, NULL);
  cf_evidence_set_threats (read, threats, 1);
  g_assert_true (cf_store_update_evidence (f->store, read, &error));
  g_assert_true (cf_store_remove_threat (f->store, f->product_id, 1, &error));
  g_clear_object (&read);
  read = cf_store_get_evidence (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_evidence_get_threats (read)->len, ==, 0);
}

/* Refusals leave the database exactly as it was. */

static void
assert_nothing_stored (Fixture *f,
                       guint    audit)
{
  g_assert_cmpuint (count_rows (f, "evidence"), ==, 0);
  g_assert_cmpuint (count_rows (f, "evidence_version"), ==, 0);
  g_assert_cmpuint (count_rows (f, "evidence_segment"), ==, 0);
  g_assert_cmpuint (count_audit (f), ==, audit);
}

static void
test_size_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) content = pattern (5000);
  g_autoptr(GFile) file = write_file (f, "big.bin", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GError) error = NULL;
  guint audit = count_audit (f);

  g_assert_cmpuint (cf_store_get_evidence_size_limit (f->store), ==, G_GUINT64_CONSTANT (1) << 30);
  cf_store_set_evidence_size_limit (f->store, 4999);
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.bin"));
  assert_nothing_stored (f, audit);

  /* At the limit exactly, it is taken. */
  g_clear_error (&error);
  cf_store_set_evidence_size_limit (f->store, 5000);
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* A stream that fails after some bytes, as a file on a vanished drive. */
typedef struct
{
  GInputStream  parent_instance;
  gsize         remaining;
} FailingStream;

typedef struct
{
  GInputStreamClass parent_class;
} FailingStreamClass;

static GType failing_stream_get_type (void);
G_DEFINE_TYPE (FailingStream, failing_stream, G_TYPE_INPUT_STREAM)

static gssize
failing_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  FailingStream *self = (FailingStream *) stream;
  gsize n = MIN (count, self->remaining);

  if (n == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such device");
      return -1;
    }

  memset (buffer, 0x5a, n);
  self->remaining -= n;
  return (gssize) n;
}

static gboolean
failing_stream_close (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return TRUE;
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = failing_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = failing_stream_close;
}

static void
failing_stream_init (FailingStream *self)
{
}

static void
test_vanished_source (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GError) error = NULL;
  guint audit = count_audit (f);
  FailingStream *failing;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) short_content = pattern (100);

  /* The drive goes away after 1.5 MiB of 4 MiB. */
  failing = g_object_new (failing_stream_get_type (), NULL);
  failing->remaining = 3 * 512 * 1024;
  stream = G_INPUT_STREAM (failing);
  g_assert_cmpint (cf_store_add_evidence_from_stream (f->store, f->product_id, item, 0, stream, 4 * 1024 * 1024,
                                                      "capture.pcap", NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "capture.pcap"));
  assert_nothing_stored (f, audit);
  g_clear_error (&error);
  g_clear_object (&stream);

  /* The file was shortened while it was read. */
  stream = g_memory_input_stream_new_from_bytes (short_content);
  g_assert_cmpint (cf_store_add_evidence_from_stream (f->store, f->product_id, item, 0, stream, 200,
                                                      "log.txt", NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "log.txt"));
  assert_nothing_stored (f, audit);
  g_clear_error (&error);
  g_clear_object (&stream);

  /* …or grew. */
  stream = g_memory_input_stream_new_from_bytes (short_content);
  g_assert_cmpint (cf_store_add_evidence_from_stream (f->store, f->product_id, item, 0, stream, 50,
                                                      "log.txt", NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "grew"));
  assert_nothing_stored (f, audit);
  g_clear_error (&error);

  /* A file that cannot be opened names itself. */
  {
    g_autofree char *path = g_build_filename (f->dir, "missing.pdf", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (path);

    g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, missing, NULL, NULL, NULL, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "missing.pdf"));
    assert_nothing_stored (f, audit);
  }
}

static void
cancel_half_way (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  if (done >= total / 2)
    g_cancellable_cancel (user_data);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) content = pattern (8 * 1024 * 1024);
  g_autoptr(GFile) file = write_file (f, "image.bin", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint audit = count_audit (f);

  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, file, cancellable, cancel_half_way,
                                          cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_nothing_stored (f, audit);
}

/* verify recomputes every hash and names each mismatch. */
static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) one = pattern (2 * 1024 * 1024 + 5);
  g_autoptr(GBytes) two = pattern (300);
  g_autoptr(GFile) file1 = write_file (f, "one.bin", one);
  g_autoptr(GFile) file2 = write_file (f, "two.bin", two);
  g_autoptr(CfEvidence) item1 = cf_evidence_new ();
  g_autoptr(CfEvidence) item2 = cf_evidence_new ();
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  CfEvidenceMismatch *m;
  gint64 id1, id2;
  sqlite3 *db;

  id1 = cf_store_add_evidence (f->store, f->product_id, item1, 0, file1, NULL, NULL, NULL, &error);
  id2 = cf_store_add_evidence (f->store, f->product_id, item2, 0, file2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, NULL, id2, file1, NULL, NULL, NULL, &error), ==, id2);

  mismatches = cf_store_verify_evidence (f->store, f->product_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_clear_pointer (&mismatches, g_ptr_array_unref);

  /* Someone overwrites version 1 of the second item with zeros, through
   * SQL, having dropped the trigger that protects it. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER evidence_segment_is_immutable;"
                                 "UPDATE evidence_segment SET data = zeroblob (length (data))"
                                 " WHERE id IN (SELECT segment_id FROM evidence_version_segment"
                                 "  JOIN evidence_version ON evidence_version.id = version_id"
                                 "  WHERE evidence_id = 2 AND version = 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  mismatches = cf_store_verify_evidence (f->store, f->product_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 1);
  m = g_ptr_array_index (mismatches, 0);
  g_assert_cmpint (m->evidence_id, ==, id2);
  g_assert_cmpint (m->version, ==, 1);
  g_assert_cmpstr (m->expected, ==, cf_evidence_get_latest (item2)->sha256);
  g_assert_cmpstr (m->actual, !=, m->expected);

  /* The altered version cannot leave the database either… */
  out = g_memory_output_stream_new_resizable ();
  g_assert_false (cf_store_write_evidence (f->store, id2, 1, out, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_clear_error (&error);

  /* …and saving it leaves the destination as it was. */
  {
    g_autofree char *path = g_build_filename (f->dir, "out.bin", NULL);
    g_autoptr(GFile) dest = g_file_new_for_path (path);
    g_autofree char *kept = NULL;

    g_file_set_contents (path, "previous", -1, NULL);
    g_assert_false (cf_store_save_evidence (f->store, id2, 1, dest, NULL, &error));
    g_file_get_contents (path, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, "previous");
    g_clear_error (&error);

    /* A destination that did not exist is not left half written. */
    {
      g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.bin", NULL);
      g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);

      g_assert_false (cf_store_save_evidence (f->store, id2, 1, fresh, NULL, &error));
      g_assert_false (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }

    /* The other items and versions are fine. */
    g_assert_true (cf_store_save_evidence (f->store, id1, 0, dest, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) content = pattern (64);
  g_autoptr(GFile) file = write_file (f, "shot.png", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  CfAuditEntry *last;
  gint64 id;

  id = cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_remove_evidence (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (cf_store_get_evidence (f->store, id, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (f, "evidence_version"), ==, 0);
  g_assert_cmpuint (count_rows (f, "evidence_segment"), ==, 0);

  /* The audit log keeps what it was. */
  audit = cf_store_list_audit (f->store, 1, NULL);
  last = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (last->action, ==, "evidence.remove");
  g_assert_nonnull (strstr (last->detail, cf_evidence_get_latest (item)->sha256));

  /* An id is never given to another item. */
  g_clear_object (&item);
  item = cf_evidence_new ();
  g_assert_cmpint (cf_store_add_evidence (f->store, f->product_id, item, 0, file, NULL, NULL, NULL, &error), >, id);
}

typedef struct
{
  gint64   id;
  GError  *error;
  guint    progress_calls;
  gboolean done;
} AsyncResult;

static void
async_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  AsyncResult *r = user_data;

  /* Delivered in the caller's thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  r->progress_calls++;
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->id = cf_store_add_evidence_finish (CF_STORE (source), result, &r->error);
  r->done = TRUE;
}

/* The window's path: a worker thread, progress in the main context, and the
 * window's own writes refused at once meanwhile rather than waiting. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) content = pattern (16 * 1024 * 1024);
  g_autoptr(GFile) file = write_file (f, "trace.bin", content);
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(CfProduct) product = NULL;
  AsyncResult r = { 0 };
  gboolean saw_busy = FALSE;

  cf_store_add_evidence_async (f->store, f->product_id, item, 0, file, NULL, async_progress_cb, &r, added_cb, &r);
  while (!r.done)
    {
      g_autoptr(GError) error = NULL;

      if (!saw_busy)
        {
          g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();

          cf_record_set_field (CF_RECORD (context), "assumptions", "typed during the copy");
          if (!cf_store_set_assessment_context (f->store, f->product_id, context, &error))
            {
              g_assert_error (error, CF_ERROR, CF_ERROR_BUSY);
              saw_busy = TRUE;
            }
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_no_error (r.error);
  g_assert_cmpint (r.id, >, 0);
  g_assert_cmpuint (r.progress_calls, >, 0);

  /* Reading went on meanwhile, and writing works again afterwards. */
  product = cf_store_get_product (f->store, f->product_id, NULL);
  g_assert_nonnull (product);
  {
    g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
    g_autoptr(GError) error = NULL;

    cf_record_set_field (CF_RECORD (context), "assumptions", "after the copy");
    g_assert_true (cf_store_set_assessment_context (f->store, f->product_id, context, &error));
    g_assert_no_error (error);
  }
}

static void
test_expiry (void)
{
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(GDate) today = g_date_new_dmy (21, G_DATE_NOVEMBER, 2026);

  g_assert_false (cf_evidence_is_expired (item, today));
  cf_evidence_set_valid_until (item, "2026-11-21");
  g_assert_false (cf_evidence_is_expired (item, today));
  cf_evidence_set_valid_until (item, "2026-11-20");
  g_assert_true (cf_evidence_is_expired (item, today));

  g_assert_true (cf_evidence_date_is_valid ("2028-02-29"));
  g_assert_false (cf_evidence_date_is_valid ("2027-02-29"));
  g_assert_false (cf_evidence_date_is_valid ("2027-2-28"));
  g_assert_false (cf_evidence_date_is_valid ("28.02.2027"));
}

int
main (int    argc,
      char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database, and media
   * types are part of what is tested. Each test has its own folder. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/expiry", test_expiry);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evidence/round-trip", test_round_trip);
  ADD ("/evidence/media-type-and-kind", test_media_type_and_kind);
  ADD ("/evidence/versions", test_versions);
  ADD ("/evidence/links", test_links);
  ADD ("/evidence/size-limit", test_size_limit);
  ADD ("/evidence/vanished-source", test_vanished_source);
  ADD ("/evidence/cancelled", test_cancelled);
  ADD ("/evidence/verify", test_verify);
  ADD ("/evidence/remove", test_remove);
  ADD ("/evidence/async", test_async);
#undef ADD

  return g_test_run ();
}
