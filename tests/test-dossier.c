/* test-dossier.c — exporting a product's dossier as one sealed ZIP, and
 * verifying one: intact, tampered with, or hostile
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-dossier.h"
#include "cf-error.h"
#include "cf-generator.h"
#include "cf-store.h"
#include "dossier-fixture.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, joined by spaces; the database's own
 * files (project.db, -wal, -shm) as one. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "project.db-"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GPtrArray *
verify (const char  *path,
        const char  *expected,
        char       **seal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GPtrArray *problems = NULL;

  g_assert_true (cf_dossier_verify (file, expected, &problems, seal, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);

  return problems;
}

static gboolean
problems_have (GPtrArray  *problems,
               const char *member,
               const char *word)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      if (strstr (problem, member) != NULL && strstr (problem, word) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *found = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autoptr(GPtrArray) problems = verify (path, seal, &found);
  g_autoptr(GPtrArray) sboms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = list_dir (f->dir);
  struct archive *in = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean has_declaration = FALSE, has_technical = FALSE, has_sbom = FALSE;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (found, ==, seal);
  /* No temporary file is left beside it. */
  g_assert_cmpstr (listing, ==, "dossier.zip project.db");

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_filename (in, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      char buffer[4096];
      la_ssize_t n;

      g_ptr_array_add (names, g_strdup (name));
      has_declaration |= g_str_has_prefix (name, "documents/declaration-v1-en");
      has_technical |= g_str_equal (name, "documents/technical-documentation-v1-en.pdf");
      has_sbom |= g_str_has_prefix (name, "evidence/E") && g_str_has_suffix (name, ".cdx.json");
      while ((n = archive_read_data (in, buffer, sizeof buffer)) > 0)
        if (g_str_equal (name, CF_DOSSIER_MANIFEST))
          g_string_append_len (manifest, buffer, n);
    }
  archive_read_free (in);

  g_assert_true (has_declaration);
  g_assert_true (has_technical);
  g_assert_true (has_sbom);
  /* The manifest comes last, and the seal is its SHA-256. */
  g_assert_cmpstr (g_ptr_array_index (names, names->len - 1), ==, CF_DOSSIER_MANIFEST);
  g_checksum_update (checksum, (const guint8 *) manifest->str, manifest->len);
  g_assert_cmpstr (g_checksum_get_string (checksum), ==, seal);
  g_assert_nonnull (strstr (manifest->str, "\"format_version\" : 1"));
  g_assert_nonnull (strstr (manifest->str, "\"conformity_version\" : \"" PACKAGE_VERSION "\""));
  g_assert_nonnull (strstr (manifest->str, "\"exported_at\""));

  /* The SBOM is stored as evidence, so it came along. */
  sboms = cf_store_list_sboms (f->store, f->product_id, &error);
  g_assert_no_error (error);
}

static void
test_altered_member (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *found = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  rewrite (path, tampered, REWRITE_ALTER, "documents/declaration-v1-en.pdf");
  problems = verify (tampered, seal, &found);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_have (problems, "documents/declaration-v1-en.pdf", "altered"));
  /* The manifest itself was copied as it was. */
  g_assert_cmpstr (found, ==, seal);
}

static void
test_missing_member (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  rewrite (path, tampered, REWRITE_DROP, "documents/technical-documentation-v1-en.pdf");
  problems = verify (tampered, seal, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_have (problems, "documents/technical-documentation-v1-en.pdf",
                                "missing"));
}

static void
test_extra_member (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  rewrite (path, tampered, REWRITE_ADD, "evidence/E99/planted.txt");
  problems = verify (tampered, seal, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_have (problems, "evidence/E99/planted.txt", "extra"));
}

static void
test_altered_manifest (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *found = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) unsealed = NULL;

  rewrite (path, tampered, REWRITE_MANIFEST, NULL);
  problems = verify (tampered, seal, &found);
  g_assert_cmpstr (found, !=, seal);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_have (problems, CF_DOSSIER_MANIFEST, seal));

  /* Without the seal, the members still match the (altered) manifest. */
  unsealed = verify (tampered, NULL, NULL);
  g_assert_cmpuint (unsealed->len, ==, 0);
}

typedef enum
{
  CRAFT_PARENT,
  CRAFT_ABSOLUTE,
  CRAFT_SYMLINK,
  CRAFT_BOMB,
} Craft;

static void
craft (const char *path,
       Craft       how,
       const char *name)
{
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;

  archive_write_set_format_zip (out);
  g_assert_cmpint (archive_write_open_filename (out, path), ==, ARCHIVE_OK);

  add_entry (out, "documents/harmless.txt", (const guint8 *) "harmless", 8);

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_perm (entry, 0644);
  if (how == CRAFT_SYMLINK)
    {
      archive_entry_set_filetype (entry, AE_IFLNK);
      archive_entry_set_symlink (entry, "/etc/passwd");
      archive_entry_set_size (entry, 0);
      g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
    }
  else if (how == CRAFT_BOMB)
    {
      g_autofree guint8 *zeros = g_malloc0 (1 << 20);

      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, 50 << 20);
      g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
      for (guint i = 0; i < 50; i++)
        g_assert_cmpint (archive_write_data (out, zeros, 1 << 20), ==, 1 << 20);
    }
  else
    {
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, 4);
      g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (out, "evil", 4), ==, 4);
    }
  archive_entry_free (entry);

  add_entry (out, CF_DOSSIER_MANIFEST, (const guint8 *) "{\"members\":[]}", 14);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
}

/* The hostile ZIP sits in a folder of its own inside the test's, so that
 * what a careless reader would write outside it (“../evil”) lands in a
 * folder only this test uses. */
static void
check_refused (Fixture    *f,
               Craft       how,
               const char *name,
               const char *reason)
{
  g_autofree char *inner = g_build_filename (f->dir, "inner", NULL);
  g_autofree char *path = g_build_filename (inner, "hostile.zip", NULL);
  g_autofree char *evil = g_build_filename (f->dir, "evil", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *outer_before = NULL;
  g_autofree char *outer_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  craft (path, how, name);
  outer_before = list_dir (f->dir);
  before = list_dir (inner);

  g_assert_false (cf_dossier_verify (file, NULL, &problems, &seal, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_null (problems);
  g_assert_null (seal);

  /* Nothing was written, inside the folder or outside it. */
  after = list_dir (inner);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==, "hostile.zip");
  outer_after = list_dir (f->dir);
  g_assert_cmpstr (outer_after, ==, outer_before);
  g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/cf-dossier-abs", G_FILE_TEST_EXISTS));
}

static void
test_refuses_parent (Fixture       *f,
                     gconstpointer  data)
{
  check_refused (f, CRAFT_PARENT, "../evil", "..");
}

static void
test_refuses_absolute (Fixture       *f,
                       gconstpointer  data)
{
  check_refused (f, CRAFT_ABSOLUTE, "/cf-dossier-abs", "absolute");
}

static void
test_refuses_symlink (Fixture       *f,
                      gconstpointer  data)
{
  check_refused (f, CRAFT_SYMLINK, "evidence/E1/link", "link");
}

static void
test_refuses_bomb (Fixture       *f,
                   gconstpointer  data)
{
  check_refused (f, CRAFT_BOMB, "evidence/E1/zeros.bin", "bomb");
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "dossier.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (cf_dossier_export (f->store, f->catalogue, f->product_id, file, NULL, &seal,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (seal);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "project.db");
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dossier.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *listing = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cf_dossier_export (f->store, f->catalogue, f->product_id, file, cancellable,
                                     &seal, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (seal);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "project.db");
}

/* A failure half-way (evidence damaged in the database, found while it is
 * being copied) leaves no file either: the temporary one is removed. */
static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *seal = NULL;
  g_autofree char *path = export (f, "dossier.zip", &seal);
  g_autofree char *second = g_build_filename (f->dir, "second.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (second);
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  g_autofree char *listing = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER evidence_segment_is_immutable;"
                                 "UPDATE evidence_segment SET data = zeroblob (length (data))"
                                 " WHERE id IN (SELECT segment_id FROM evidence_version_segment"
                                 "  JOIN evidence_version ON evidence_version.id = version_id"
                                 "  WHERE evidence_id = (SELECT max (id) FROM evidence));",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (cf_dossier_export (f->store, f->catalogue, f->product_id, file, NULL, &again,
                                     &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_null (again);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "dossier.zip project.db");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dossier/round-trip", test_round_trip);
  ADD ("/dossier/altered-member", test_altered_member);
  ADD ("/dossier/missing-member", test_missing_member);
  ADD ("/dossier/extra-member", test_extra_member);
  ADD ("/dossier/altered-manifest", test_altered_manifest);
  ADD ("/dossier/refuses-parent", test_refuses_parent);
  ADD ("/dossier/refuses-absolute", test_refuses_absolute);
  ADD ("/dossier/refuses-symlink", test_refuses_symlink);
  ADD ("/dossier/refuses-bomb", test_refuses_bomb);
  ADD ("/dossier/missing-folder", test_missing_folder);
  ADD ("/dossier/cancelled", test_cancelled);
  ADD ("/dossier/failure-leaves-nothing", test_failure_leaves_nothing);
#undef ADD

  return g_test_run ();
}
