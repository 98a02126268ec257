/* dossier-fixture.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-generator.h"
#include "dossier-fixture.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) declaration = NULL;
  g_autoptr(CfDocumentInfo) technical = NULL;

  f->dir = g_dir_make_tmp ("cf-dossier-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (f->path, "tester", &error);
  g_assert_no_error (error);
  f->product_id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  generator = cf_generator_new (f->store, f->catalogue);
  declaration = cf_generator_generate (generator, f->product_id, CF_DOCUMENT_KIND_DECLARATION,
                                       NULL, &error);
  g_assert_no_error (error);
  technical = cf_generator_generate (generator, f->product_id,
                                     CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, NULL, &error);
  g_assert_no_error (error);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->catalogue);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

char *
export (Fixture    *f,
        const char *name,
        char      **seal)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (cf_dossier_export (f->store, f->catalogue, f->product_id, file, NULL, seal,
                                    &error));
  g_assert_no_error (error);
  g_assert_nonnull (*seal);
  g_assert_cmpuint (strlen (*seal), ==, 64);

  return path;
}

void
add_entry (struct archive *out,
           const char     *name,
           const guint8   *data,
           gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (out, entry), ==, ARCHIVE_OK);
  if (size > 0)
    g_assert_cmpint (archive_write_data (out, data, size), ==, (la_ssize_t) size);
  archive_entry_free (entry);
}

/* Copies a dossier member by member, changing one thing. */
void
rewrite (const char *src,
         const char *dst,
         Rewrite     how,
         const char *target)
{
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  gboolean done = FALSE;

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_filename (in, src, 65536), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  g_assert_cmpint (archive_write_open_filename (out, dst), ==, ARCHIVE_OK);

  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      g_autofree char *name = g_strdup (archive_entry_pathname (entry));
      g_autoptr(GByteArray) data = g_byte_array_new ();
      guint8 buffer[65536];
      la_ssize_t n;

      while ((n = archive_read_data (in, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, buffer, n);
      g_assert_cmpint (n, ==, 0);

      if (how == REWRITE_DROP && g_str_equal (name, target))
        {
          done = TRUE;
          continue;
        }
      if (how == REWRITE_ALTER && g_str_equal (name, target))
        {
          g_assert_cmpuint (data->len, >, 10);
          data->data[10] ^= 0x01;
          done = TRUE;
        }
      if (how == REWRITE_MANIFEST && g_str_equal (name, CF_DOSSIER_MANIFEST))
        {
          g_byte_array_append (data, (const guint8 *) "\n", 1);
          done = TRUE;
        }
      if (how == REWRITE_ADD && g_str_equal (name, CF_DOSSIER_MANIFEST))
        {
          add_entry (out, target, (const guint8 *) "not in the manifest", 19);
          done = TRUE;
        }

      add_entry (out, name, data->data, data->len);
    }

  g_assert_true (done);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
  archive_read_free (in);
}

